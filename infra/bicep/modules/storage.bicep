metadata description = 'Storage for the app tables and the Durable Task engine\'s task hub (blobs, queues, tables), reachable only with Entra ID (no shared keys).'

param name string
param location string
param tags object

@description('Names of the identities (in this resource group) that run the engine and read the app tables: the container app\'s and, with a Function App, its own. Each gets blob, queue and table data access on this account, and nothing more.')
param identityNames array

@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param skuName string

// Built-in role definition ids (same in every tenant). The engine creates and manages its own task hub
// ({taskhub}-control-NN and {taskhub}-workitems queues, {TaskHub}History and {TaskHub}Instances tables,
// {taskhub}-leases, {taskhub}-largemessages and {taskhub}-applease blob containers) with these roles,
// so nothing is pre-created here.
var blobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var tableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var queueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'

var dataRoles = [blobDataContributor, tableDataContributor, queueDataContributor]

// One grant per identity and role (Bicep loops do not nest).
var grants = flatten(map(range(0, length(identityNames)), i => map(dataRoles, role => { identity: i, role: role })))

resource identities 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = [for identityName in identityNames: {
  name: identityName
}]

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: skuName }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
    // Enabled on purpose: neither app runs in a virtual network here, so they reach storage over its public
    // endpoint, with Entra ID only (docs/deploy.md, "Public network access").
    publicNetworkAccess: 'Enabled'
  }
}

resource dataAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for grant in grants: {
  scope: account
  // The name an assignment of the container app's identity had before each app had its own: a redeployment keeps it.
  name: guid(account.id, identities[grant.identity].id, grant.role)
  properties: {
    principalId: identities[grant.identity].properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', grant.role)
  }
}]

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output tableEndpoint string = account.properties.primaryEndpoints.table
output queueEndpoint string = account.properties.primaryEndpoints.queue
