metadata description = 'Container Apps environment and the ReferenceFlow app: the embedded Durable Task engine\'s task hub settings (with workers, or client-only beside a Functions host), at least one replica, HTTP scale rule, probes, Key Vault secrets.'

param environmentName string
param appName string
param location string
param tags object

@description('Log Analytics workspace that receives the environment\'s console and system logs.')
param workspaceName string

param appInsightsName string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity (DefaultAzureCredential picks it through AZURE_CLIENT_ID).')
param identityClientId string

@description('Full image reference, e.g. myregistry.azurecr.io/referenceflow:1.0.0.')
param image string

@description('Registry server to pull from with the identity (AcrPull); empty for a public image.')
param registryServer string

@description('Base URL for email action links; empty means the app\'s own Container Apps address.')
param publicBaseUrl string

param storageAccountName string

@description('The account\'s service endpoints (primaryEndpoints): the engine uses blobs (leases, large messages), queues and tables.')
param storageEndpoints { blob: string, queue: string, table: string }

@description('Task hub of the embedded Durable Task engine (its queues, tables and blob containers).')
@minLength(3)
@maxLength(45)
param taskHubName string

@description('Networks the ingress proxy connects to the app from: only these may say, in X-Forwarded-For and X-Forwarded-Proto, who the client was and that it came over HTTPS. Without a custom VNet the environment\'s proxies use private addresses that are not published, so the private ranges are trusted; with a VNet, name its infrastructure subnet.')
param proxyNetworks array = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10']

@description('False: the embedded engine is client-only (starts and signals requests) because a Function App runs the orchestrations and activities on the same task hub.')
param runWorkers bool

@description('Control queues of the task hub: at most this many replicas share the orchestrations.')
@minValue(1)
@maxValue(16)
param partitionCount int

@minValue(1)
@maxValue(16)
param minReplicas int

@description('At most partitionCount: a replica beyond it would hold no control-queue partition.')
@minValue(1)
@maxValue(16)
param maxReplicas int

@description('Concurrent HTTP requests per replica before another replica starts.')
param httpConcurrency int

@description('Settings that are not secret, as name/value pairs.')
param settings array

@description('Key Vault secrets to expose: { name, keyVaultUrl, env } each.')
param keyVaultSecrets array

@allowed(['0.25', '0.5', '1', '2'])
param cpu string

@allowed(['0.5Gi', '1Gi', '2Gi', '4Gi'])
param memory string

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource environment 'Microsoft.App/managedEnvironments@2025-02-02-preview' = {
  name: environmentName
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
    workloadProfiles: [{ name: 'Consumption', workloadProfileType: 'Consumption' }]
    // The environment's managed OpenTelemetry agent receives the app's OTLP export (it sets
    // OTEL_EXPORTER_OTLP_ENDPOINT in every container) and forwards it to Application Insights.
    appInsightsConfiguration: {
      connectionString: appInsights.properties.ConnectionString
    }
    openTelemetryConfiguration: {
      tracesConfiguration: { destinations: ['appInsights'] }
      logsConfiguration: { destinations: ['appInsights'] }
    }
  }
}

resource app 'Microsoft.App/containerApps@2025-01-01' = {
  name: appName
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    environmentId: environment.id
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 8080
        transport: 'http'
        allowInsecure: false
      }
      registries: empty(registryServer) ? [] : [{ server: registryServer, identity: identityId }]
      secrets: concat(
        [{ name: 'appinsights-connection-string', value: appInsights.properties.ConnectionString }],
        map(keyVaultSecrets, s => { name: s.name, keyVaultUrl: s.keyVaultUrl, identity: identityId })
      )
    }
    template: {
      // The app's HostOptions.ShutdownTimeout (30 s) fits inside this, so the engine stops its
      // dispatchers and releases its partition leases before the replica is killed; a work item it
      // could not finish reappears on the task hub's queue after its visibility timeout.
      terminationGracePeriodSeconds: 45
      containers: [
        {
          name: 'referenceflow'
          image: image
          resources: { cpu: json(cpu), memory: memory }
          env: concat(
            settings,
            [
              { name: 'AZURE_CLIENT_ID', value: identityClientId }
              { name: 'ReferenceFlow__Storage__AccountName', value: storageAccountName }
              { name: 'ReferenceFlow__Storage__BlobEndpoint', value: storageEndpoints.blob }
              { name: 'ReferenceFlow__Storage__QueueEndpoint', value: storageEndpoints.queue }
              { name: 'ReferenceFlow__Storage__TableEndpoint', value: storageEndpoints.table }
              { name: 'ReferenceFlow__Engine__TaskHub', value: taskHubName }
              { name: 'ReferenceFlow__Engine__PartitionCount', value: string(partitionCount) }
              { name: 'ReferenceFlow__Engine__RunWorkers', value: runWorkers ? 'true' : 'false' }
              // ReferenceFlow__Engine__WorkerId stays unset: the engine then uses the host name, which in
              // Container Apps is the replica name (unique per replica, kept across container restarts).
              { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', secretRef: 'appinsights-connection-string' }
              { name: 'OTEL_SERVICE_NAME', value: 'referenceflow' }
              {
                name: 'ReferenceFlow__Actions__BaseUrl'
                value: empty(publicBaseUrl) ? 'https://${appName}.${environment.properties.defaultDomain}' : publicBaseUrl
              }
            ],
            map(range(0, length(proxyNetworks)), i => { name: 'ReferenceFlow__Proxy__KnownNetworks__${i}', value: proxyNetworks[i] }),
            map(keyVaultSecrets, s => { name: s.env, secretRef: s.name })
          )
          probes: [
            {
              type: 'Liveness'
              httpGet: { path: '/health/live', port: 8080 }
              initialDelaySeconds: 5
              periodSeconds: 10
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: { path: '/health/ready', port: 8080 }
              initialDelaySeconds: 3
              periodSeconds: 10
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        // Never zero: durable timers and queued work sit in the task hub's control and work-item
        // queues and fire only while a worker polls them. Scale-to-zero on HTTP alone would leave due
        // timers (reminders, deadlines) unfired until the next request happened to wake the app.
        // Client-only replicas (runWorkers false) poll nothing, the Function App does; they keep the same
        // floor so the first person to open the UI after a quiet night does not wait for a cold start.
        minReplicas: minReplicas
        // Orchestrations are spread over partitionCount control queues, one lease each: a replica
        // beyond that would hold no partition and only serve HTTP and activities.
        maxReplicas: maxReplicas <= partitionCount && minReplicas <= maxReplicas
          ? maxReplicas
          : fail('Scale: need minReplicas <= maxReplicas <= partitionCount.')
        rules: [
          { name: 'http', http: { metadata: { concurrentRequests: string(httpConcurrency) } } }
        ]
      }
    }
  }
}

output url string = 'https://${app.properties.configuration.ingress.fqdn}'
output environmentName string = environment.name
