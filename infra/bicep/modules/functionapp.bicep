metadata description = 'The Functions host of the workflow on Flex Consumption: orchestrations, activities, HTTP API, email action links and the keep-warm timer on the shared task hub, with identity-based storage and Key Vault references.'

param planName string
param appName string
param location string
param tags object

param appInsightsName string

@description('Name of the Function App\'s own user-assigned identity (in this resource group), not the container app\'s.')
param identityName string

@description('Client id of that identity: the Functions host\'s storage connections and DefaultAzureCredential (AZURE_CLIENT_ID) pick it.')
param identityClientId string

@description('The account of the app tables and the task hub, shared with the container app.')
param storageAccountName string

@description('The Function App\'s own account (functionstorage.bicep): the Functions host\'s storage (AzureWebJobsStorage).')
param hostStorageAccountName string

@description('Blob URL of the package container in that account.')
param packageContainerUrl string

@description('The shared account\'s service endpoints (primaryEndpoints): blobs, queues and tables of the task hub and the app tables.')
param storageEndpoints { blob: string, queue: string, table: string }

@description('Task hub shared with the Container App (host.json reads it as %ReferenceFlow__Engine__TaskHub%).')
@minLength(3)
@maxLength(45)
param taskHubName string

@description('Control queues of the task hub; must equal what every other host on the hub is told.')
@minValue(1)
@maxValue(16)
param partitionCount int

@description('On-demand instances per scale group (the durable, http and timer groups scale apart).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Base URL for email action links; empty means this app\'s own default host name (it serves /actions).')
param publicBaseUrl string

@description('Product settings that are not secret, as name/value pairs (the same list the Container App gets).')
param settings array

@description('Key Vault secrets to expose as Key Vault references: { name, keyVaultUrl, env } each.')
param keyVaultSecrets array

// Connections by identity: "<name>__credential: managedidentity" plus the client id of the user-assigned identity,
// never a key. AzureWebJobsStorage is the host's own storage, in its own account; "Storage" is host.json's durableTask
// connectionName, the task hub the container app shares.
var hostSettings = {
  AzureWebJobsStorage__accountName: hostStorageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  Storage__blobServiceUri: storageEndpoints.blob
  Storage__queueServiceUri: storageEndpoints.queue
  Storage__tableServiceUri: storageEndpoints.table
  Storage__credential: 'managedidentity'
  Storage__clientId: identityClientId
  ReferenceFlow__Engine__TaskHub: taskHubName
  // host.json fixes 4 partitions for local runs; on Azure every host of the hub must agree with partitionCount
  // (the hub keeps the count it was created with), so the deployment overrides host.json here.
  AzureFunctionsJobHost__extensions__durableTask__storageProvider__partitionCount: string(partitionCount)
  AZURE_CLIENT_ID: identityClientId
  ReferenceFlow__Storage__AccountName: storageAccountName
  ReferenceFlow__Storage__BlobEndpoint: storageEndpoints.blob
  ReferenceFlow__Storage__QueueEndpoint: storageEndpoints.queue
  ReferenceFlow__Storage__TableEndpoint: storageEndpoints.table
}

var productSettings = toObject(settings, s => s.name, s => s.value)

// Resolved by the platform with keyVaultReferenceIdentity; versionless URIs pick up a rotated secret within a day.
var secretSettings = toObject(keyVaultSecrets, s => s.env, s => '@Microsoft.KeyVault(SecretUri=${s.keyVaultUrl})')

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: packageContainerUrl
          authentication: { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identity.id }
        }
      }
      scaleAndConcurrency: {
        // A durable timer is an invisible control-queue message until it is due: one instance of the durable group
        // always polls, so reminders and deadlines fire on time instead of after a scale-from-zero.
        alwaysReady: [{ name: 'durable', instanceCount: 1 }]
        maximumInstanceCount: maximumInstanceCount
        // The plan's default size (one core) for the Functions host and the .NET worker side by side; not yet
        // measured for this app, so revisit it with the benchmark figures before changing it.
        instanceMemoryMB: 2048
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
  }
}

// Settings in their own resource because the action-link base URL names the site's own host name.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  // Later objects win: the identity and task-hub settings cannot be overridden by a product setting of the same name.
  properties: union(productSettings, secretSettings, hostSettings, {
    APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
    ReferenceFlow__Actions__BaseUrl: empty(publicBaseUrl) ? 'https://${site.properties.defaultHostName}' : publicBaseUrl
  })
}

// Deployments authenticate with Entra ID (az functionapp deployment / func publish), never a publishing password.
resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: { allow: false }
}

resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

output name string = site.name
output url string = 'https://${site.properties.defaultHostName}'
