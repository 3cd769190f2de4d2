metadata description = 'The Function App\'s own storage: its deployment package and the Functions host\'s blobs (AzureWebJobsStorage: locks, keys), in an account of its own that only the Function App\'s identity may touch, so nothing that serves pages can replace the code the workflow runs.'

param name string
param location string
param tags object

@description('Name of the Function App\'s identity (in this resource group): Storage Blob Data Owner here, and the only identity with any role on this account.')
param identityName string

// Built-in "Storage Blob Data Owner": what the Functions documentation asks of an identity-based AzureWebJobsStorage.
// It is given on this account only, which holds nothing but the host's blobs and the package.
var blobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'

// Flex Consumption reads the app's package from this container.
var packageContainerName = 'app-package'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
    // Enabled on purpose: a Flex Consumption app without virtual network integration reads its package and host
    // storage over the public endpoint, with its identity only (docs/deploy.md, "Public network access").
    publicNetworkAccess: 'Enabled'
  }

  resource blobs 'blobServices' = {
    name: 'default'

    resource packageContainer 'containers' = {
      name: packageContainerName
      properties: { publicAccess: 'None' }
    }
  }
}

resource hostStorageRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: account
  name: guid(account.id, identity.id, blobDataOwner)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataOwner)
  }
}

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output packageContainerUrl string = '${account.properties.primaryEndpoints.blob}${packageContainerName}'
