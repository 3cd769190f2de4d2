metadata description = 'ReferenceFlow on Azure: a Flex Consumption Function App running the durable workflow beside a client-only UI container app, or the container app alone running everything; one Azure Storage task hub, Key Vault, ACS Email, Application Insights.'

targetScope = 'resourceGroup'

@description('Short environment name used in resource names (dev, prod).')
@minLength(2)
@maxLength(8)
param environmentName string

@description('Azure region for everything regional.')
param location string = resourceGroup().location

@description('Who runs the durable workflow. functions: a Flex Consumption Function App runs the orchestrations, activities, HTTP API, email action links and keep-warm timer, and the container app serves the UI as a client-only engine on the same task hub. container: the container app alone runs everything, workers included.')
@allowed(['functions', 'container'])
param workflowHost string = 'functions'

@description('Full image reference pushed beforehand, e.g. myregistry.azurecr.io/referenceflow:1.0.0.')
param image string

@description('Registry server the app pulls from with its identity (grant it AcrPull); empty for a public image.')
param registryServer string = ''

@description('Public base URL of the host that serves /actions, used in email action links: the Function App with workflowHost=functions, the container app otherwise. Empty until a custom domain is set (that host\'s own address is used then).')
param publicBaseUrl string = ''

@description('Task hub of the Durable Task engine: names its queues, tables and blob containers in the storage account (3-45 letters and digits, starting with a letter). A new name starts an empty hub.')
@minLength(3)
@maxLength(45)
param taskHubName string = 'referenceflow'

@description('Control queues of the task hub (1-16): at most this many replicas share the orchestrations. Fixed when the task hub is created; changing it later needs a new taskHubName.')
@minValue(1)
@maxValue(16)
param partitionCount int = 4

@description('Replicas that always run: at least one, because durable timers and queued work fire only while a worker polls the task hub.')
@minValue(1)
@maxValue(16)
param minReplicas int = 1

@description('Upper bound of the scale-out; must not exceed partitionCount (the deployment fails otherwise).')
@minValue(1)
@maxValue(16)
param maxReplicas int = partitionCount

@description('Concurrent HTTP requests per replica before scaling out.')
param httpConcurrency int = 50

@description('Function App only: on-demand instances per scale group (durable, http, each timer); the always-ready durable instance comes on top.')
@minValue(40)
@maxValue(1000)
param functionsMaximumInstanceCount int = 40

@allowed(['0.25', '0.5', '1', '2'])
param cpu string = '0.5'

@allowed(['0.5Gi', '1Gi', '2Gi', '4Gi'])
param memory string = '1Gi'

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param storageSku string = 'Standard_LRS'

@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Entra tenant (directory id) of the app registrations; with entraClientId, the only tenant whose people may sign in.')
param entraTenantId string = tenant().tenantId

@description('Client id of the app registration holding the Graph application permission (Calendars.ReadBasic) for getSchedule.')
param graphClientId string

@description('Client id of the app registration used as the ACS SMTP identity.')
param smtpEntraApplicationId string

@description('Object id of the SMTP app registration\'s service principal (Enterprise application).')
param smtpServicePrincipalObjectId string

@description('Sending domain for ACS Email, e.g. mail.contoso.com.')
param emailDomainName string

param senderUsername string = 'referenceflow'

param senderDisplayName string = 'Customer References'

@description('Set to true on the deployment after the domain\'s DNS records verified.')
param linkEmailDomain bool = false

@description('ACS data location (a geography, e.g. Europe).')
param communicationDataLocation string = 'Europe'

@description('Key Vault certificate that encrypts the web app\'s Data Protection key ring (sign-in cookies, antiforgery tokens) at rest. Not created here (ARM cannot): create it once in the vault, see docs/deploy.md §5. Empty: the keys are stored unencrypted and the app warns at start.')
param keyRingCertificateName string = 'dataprotection-keyring'

@secure()
@description('HMAC key that signs email action links (at least 32 random bytes, base64).')
param actionLinkSigningKey string

@secure()
@description('HMAC key that names an erased contact by a stable pseudonym (at least 32 random bytes, base64). Keep it: a new key names the next erasure of someone already erased differently.')
param erasurePseudonymKey string

@secure()
@description('During a rotation only: the signing key being replaced, which still verifies the links it signed (slot 1) until they expire. Empty otherwise.')
param previousActionLinkSigningKey string = ''

@description('Client id of the Entra app registration people sign in with (the pages\' OpenID Connect, the API\'s bearer tokens); empty: no Entra sign-in, API keys only.')
param entraClientId string = ''

@secure()
@description('Client secret of that registration, for the container app\'s sign-in (code flow); empty when entraClientId is.')
param entraClientSecret string = ''

@description('Program managers, each an Entra object id (preferred: it never changes) or a sign-in name (UPN); matched against the token\'s oid or preferred_username, never its email. Entra app roles named ProgramManager count as well.')
param programManagers array = []

@description('Sales reps, as programManagers.')
param salesReps array = []

@secure()
@description('Client secret of the SMTP app registration: the ACS SMTP password.')
param smtpPassword string

@secure()
@description('Client secret of the Graph app registration.')
param graphClientSecret string

// Each app its own identity, each with only the roles it uses. The container app keeps the name the single shared
// identity had, so its role assignments (and an AcrPull given by hand) carry over.
var identityName = 'id-referenceflow-${environmentName}'
var functionsIdentityName = 'id-referenceflow-${environmentName}-functions'
var workspaceName = 'log-referenceflow-${environmentName}'
var appInsightsName = 'appi-referenceflow-${environmentName}'
var suffix = uniqueString(resourceGroup().id, environmentName)
var storageAccountName = take('strf${environmentName}${suffix}', 24)
var tags = { application: 'referenceflow', environment: environmentName }
var senderAddress = '${senderUsername}@${emailDomainName}'
var smtpUsername = senderAddress

// What each workflowHost deploys, as data: the Deploy tests read this table and the wiring below.
var topologies = {
  functions: { functionApp: true, containerRunsWorkers: false }
  container: { functionApp: false, containerRunsWorkers: true }
}
var topology = topologies[workflowHost]

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: { name: identityName, location: location, tags: tags }
}

module functionsIdentity 'modules/identity.bicep' = if (topology.functionApp) {
  name: 'identity-functions'
  params: { name: functionsIdentityName, location: location, tags: tags }
}

// The identities that run the engine, read the app tables and read the secrets: one per app deployed.
var appIdentityNames = topology.functionApp ? [identityName, functionsIdentityName] : [identityName]

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: workspaceName
    appInsightsName: appInsightsName
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  dependsOn: [identity, functionsIdentity]
  params: {
    name: storageAccountName
    location: location
    tags: tags
    identityNames: appIdentityNames
    skuName: storageSku
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  dependsOn: [identity, functionsIdentity]
  params: {
    name: take('kv-rf-${environmentName}-${suffix}', 24)
    location: location
    tags: tags
    tenantId: entraTenantId
    identityNames: appIdentityNames
    keyRingReaderName: identityName
    actionLinkSigningKey: actionLinkSigningKey
    erasurePseudonymKey: erasurePseudonymKey
    previousActionLinkSigningKey: previousActionLinkSigningKey
    smtpPassword: smtpPassword
    graphClientSecret: graphClientSecret
    entraClientSecret: entraClientSecret
  }
}

// The Function App's package and host storage, apart from the shared account: only its own identity may write there.
module functionStorage 'modules/functionstorage.bicep' = if (topology.functionApp) {
  name: 'functionstorage'
  dependsOn: [functionsIdentity]
  params: {
    name: take('stfn${environmentName}${suffix}', 24)
    location: location
    tags: tags
    identityName: functionsIdentityName
  }
}

module email 'modules/communication.bicep' = {
  name: 'communication'
  params: {
    emailServiceName: 'ecs-referenceflow-${environmentName}'
    communicationServiceName: 'acs-referenceflow-${environmentName}-${suffix}'
    tags: tags
    dataLocation: communicationDataLocation
    domainName: emailDomainName
    senderUsername: senderUsername
    senderDisplayName: senderDisplayName
    linkDomain: linkEmailDomain
    smtpEntraApplicationId: smtpEntraApplicationId
    smtpServicePrincipalObjectId: smtpServicePrincipalObjectId
    tenantId: entraTenantId
    smtpUsername: smtpUsername
  }
}

// The product's configuration, the same for whichever host runs the workflow (each maps the secrets its own way:
// Container Apps secrets with keyVaultUrl, Key Vault references in the Function App).
var productSettings = [
  { name: 'ReferenceFlow__Email__Mode', value: 'Smtp' }
  { name: 'ReferenceFlow__Email__From', value: senderAddress }
  { name: 'ReferenceFlow__Email__Smtp__Host', value: 'smtp.azurecomm.net' }
  { name: 'ReferenceFlow__Email__Smtp__Port', value: '587' }
  { name: 'ReferenceFlow__Email__Smtp__Security', value: 'StartTls' }
  { name: 'ReferenceFlow__Email__Smtp__UserName', value: email.outputs.smtpUsername }
  { name: 'ReferenceFlow__Calendar__Provider', value: 'Graph' }
  { name: 'ReferenceFlow__Graph__TenantId', value: entraTenantId }
  { name: 'ReferenceFlow__Graph__ClientId', value: graphClientId }
  { name: 'ReferenceFlow__Email__FromName', value: senderDisplayName }
]

// Entra ID sign-in (AzureAd, read by Microsoft.Identity.Web in both hosts): the tenant is a directory id, and only its
// people are let in. Absent without entraClientId.
var entraSettings = empty(entraClientId) ? [] : [
  { name: 'AzureAd__Instance', value: environment().authentication.loginEndpoint }
  { name: 'AzureAd__TenantId', value: entraTenantId }
  { name: 'AzureAd__ClientId', value: entraClientId }
  { name: 'AzureAd__CallbackPath', value: '/signin-oidc' }
]

// ReferenceFlow:Roles, one indexed setting per member.
var roleSettings = concat(
  map(range(0, length(programManagers)), i => { name: 'ReferenceFlow__Roles__ProgramManager__${i}', value: programManagers[i] }),
  map(range(0, length(salesReps)), i => { name: 'ReferenceFlow__Roles__SalesRep__${i}', value: salesReps[i] })
)

var appSettings = concat(productSettings, entraSettings, roleSettings)

// Slot 0 signs; slot 1, present only during a rotation, still verifies the links the previous key signed.
var productSecrets = concat([
  {
    name: 'action-link-signing-key'
    keyVaultUrl: vault.outputs.signingKeyUri
    env: 'ReferenceFlow__Actions__SigningKeys__0'
  }
  {
    name: 'erasure-pseudonym-key'
    keyVaultUrl: vault.outputs.pseudonymKeyUri
    env: 'ReferenceFlow__Erasure__PseudonymKey'
  }
  {
    name: 'smtp-password'
    keyVaultUrl: vault.outputs.smtpCredentialUri
    env: 'ReferenceFlow__Email__Smtp__Password'
  }
  {
    name: 'graph-client-secret'
    keyVaultUrl: vault.outputs.graphClientSecretUri
    env: 'ReferenceFlow__Graph__ClientSecret'
  }
], empty(previousActionLinkSigningKey) ? [] : [
  {
    name: 'action-link-signing-key-previous'
    keyVaultUrl: vault.outputs.previousSigningKeyUri
    env: 'ReferenceFlow__Actions__SigningKeys__1'
  }
])

// Only the container app signs people in with the code flow; the Function App only validates bearer tokens.
var webSecrets = concat(productSecrets, empty(entraClientSecret) ? [] : [
  {
    name: 'entra-signin-client-secret'
    keyVaultUrl: vault.outputs.entraClientSecretUri
    env: 'AzureAd__ClientSecret'
  }
])

// Only the container app signs people in (cookies, antiforgery); the Function App serves API keys, bearer tokens and
// signed links, and keeps no Data Protection keys.
var keyRingSettings = empty(keyRingCertificateName) ? [] : [
  { name: 'ReferenceFlow__DataProtection__KeyVaultCertificate', value: '${vault.outputs.uri}certificates/${keyRingCertificateName}' }
]

var storageEndpoints = {
  blob: storage.outputs.blobEndpoint
  queue: storage.outputs.queueEndpoint
  table: storage.outputs.tableEndpoint
}

module functionApp 'modules/functionapp.bicep' = if (topology.functionApp) {
  name: 'functionapp'
  dependsOn: [monitoring]
  params: {
    planName: 'plan-referenceflow-${environmentName}'
    // Site names are global (<name>.azurewebsites.net), hence the suffix.
    appName: 'func-referenceflow-${environmentName}-${suffix}'
    location: location
    tags: tags
    appInsightsName: appInsightsName
    identityName: functionsIdentityName
    identityClientId: functionsIdentity!.outputs.clientId
    storageAccountName: storageAccountName
    // From the module's outputs, so the host's role there is assigned before the app starts using it.
    hostStorageAccountName: functionStorage!.outputs.name
    packageContainerUrl: functionStorage!.outputs.packageContainerUrl
    storageEndpoints: storageEndpoints
    taskHubName: taskHubName
    partitionCount: partitionCount
    maximumInstanceCount: functionsMaximumInstanceCount
    publicBaseUrl: publicBaseUrl
    settings: appSettings
    keyVaultSecrets: productSecrets
  }
}

// Email action links point at the host that runs the activities sending them: the Function App when there is one.
var actionsBaseUrl = !empty(publicBaseUrl) ? publicBaseUrl : (topology.functionApp ? functionApp!.outputs.url : '')

var appName = 'ca-referenceflow-${environmentName}'

module app 'modules/containerapp.bicep' = {
  name: 'containerapp'
  dependsOn: [monitoring]
  params: {
    environmentName: 'cae-referenceflow-${environmentName}'
    appName: appName
    location: location
    tags: tags
    workspaceName: workspaceName
    appInsightsName: appInsightsName
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    image: image
    registryServer: registryServer
    publicBaseUrl: actionsBaseUrl
    storageAccountName: storage.outputs.name
    storageEndpoints: storageEndpoints
    taskHubName: taskHubName
    partitionCount: partitionCount
    runWorkers: topology.containerRunsWorkers
    minReplicas: minReplicas
    maxReplicas: maxReplicas
    httpConcurrency: httpConcurrency
    cpu: cpu
    memory: memory
    settings: concat([{ name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }], appSettings, keyRingSettings)
    keyVaultSecrets: webSecrets
  }
}

@description('HTTPS address of the container app (the UI; with workflowHost=container also the API and action links).')
output appUrl string = app.outputs.url

@description('Name of the Function App to publish the Functions project to; empty with workflowHost=container.')
output functionAppName string = topology.functionApp ? functionApp!.outputs.name : ''

@description('HTTPS address of the Function App (API and action links); empty with workflowHost=container.')
output functionAppUrl string = topology.functionApp ? functionApp!.outputs.url : ''

@description('Storage account holding the app\'s tables and the engine\'s task hub (queues, tables, blob containers).')
output storageAccountName string = storage.outputs.name

@description('DNS records to create for the email domain before setting linkEmailDomain=true.')
output emailDomainVerificationRecords object = email.outputs.verificationRecords

output keyVaultName string = vault.outputs.name
