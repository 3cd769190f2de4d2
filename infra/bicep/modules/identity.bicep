metadata description = 'The user-assigned identity the app runs as: storage data access (blobs, queues, tables), Key Vault secrets, image pulls.'

@description('Name of the managed identity.')
param name string

@description('Azure region.')
param location string

param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
