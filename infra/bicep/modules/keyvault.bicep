metadata description = 'Key Vault (RBAC) holding the app secrets and the certificate that encrypts the Data Protection key ring; the app identity may read them.'

param name string
param location string
param tags object
param tenantId string

@description('Name of the app identity (in this resource group) that gets Key Vault Secrets User and Key Vault Certificate User.')
param identityName string

@secure()
param actionLinkSigningKey string

@secure()
param smtpPassword string

@secure()
param graphClientSecret string

// Built-in "Key Vault Secrets User".
var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
// Built-in "Key Vault Certificate User": the app downloads the key ring's certificate with its private key.
var certificateUser = 'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource signingKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'action-link-signing-key'
  properties: { value: actionLinkSigningKey, contentType: 'text/plain' }
}

resource smtp 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'smtp-password'
  properties: { value: smtpPassword, contentType: 'text/plain' }
}

resource graph 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'graph-client-secret'
  properties: { value: graphClientSecret, contentType: 'text/plain' }
}

resource readSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, secretsUser)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
  }
}

resource readCertificates 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, certificateUser)
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', certificateUser)
  }
}

// Versionless URIs: the app picks up a rotated secret on its next revision restart.
output signingKeyUri string = signingKey.properties.secretUri
output smtpCredentialUri string = smtp.properties.secretUri
output graphClientSecretUri string = graph.properties.secretUri
output name string = vault.name
@description('The vault\'s address, ending in a slash.')
output uri string = vault.properties.vaultUri
