metadata description = 'Key Vault (RBAC) holding the app secrets (both signing-key slots, the erasure pseudonym key, SMTP, Graph, the Entra sign-in secret) and the certificate that encrypts the Data Protection key ring; each app identity may read the secrets, only the container app\'s the certificate.'

param name string
param location string
param tags object
param tenantId string

@description('Names of the app identities (in this resource group) that get Key Vault Secrets User: the container app\'s and, with a Function App, its own.')
param identityNames array

@description('Name of the identity that gets Key Vault Certificate User: the container app\'s, the one host that keeps a Data Protection key ring.')
param keyRingReaderName string

@secure()
param actionLinkSigningKey string

@secure()
param erasurePseudonymKey string

@secure()
@description('The signing key that signed links still in people\'s mailboxes after a rotation (slot 1); empty outside a rotation, and then no secret is written.')
param previousActionLinkSigningKey string = ''

@secure()
param smtpPassword string

@secure()
param graphClientSecret string

@secure()
@description('Client secret of the Entra sign-in app registration (the web app\'s code flow); empty when Entra sign-in is not configured.')
param entraClientSecret string = ''

// Built-in "Key Vault Secrets User".
var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
// Built-in "Key Vault Certificate User": the app downloads the key ring's certificate with its private key.
var certificateUser = 'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba'

resource identities 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = [for identityName in identityNames: {
  name: identityName
}]

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
    // Enabled on purpose: Container Apps and the Function App resolve their Key Vault references from outside any
    // virtual network here (docs/deploy.md, "Public network access").
    publicNetworkAccess: 'Enabled'
  }
}

resource signingKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'action-link-signing-key'
  properties: { value: actionLinkSigningKey, contentType: 'text/plain' }
}

resource pseudonymKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'erasure-pseudonym-key'
  properties: { value: erasurePseudonymKey, contentType: 'text/plain' }
}

resource previousSigningKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(previousActionLinkSigningKey)) {
  parent: vault
  name: 'action-link-signing-key-previous'
  properties: { value: previousActionLinkSigningKey, contentType: 'text/plain' }
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

resource entra 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(entraClientSecret)) {
  parent: vault
  name: 'entra-signin-client-secret'
  properties: { value: entraClientSecret, contentType: 'text/plain' }
}

resource readSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (identityName, i) in identityNames: {
  scope: vault
  name: guid(vault.id, identities[i].id, secretsUser)
  properties: {
    principalId: identities[i].properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
  }
}]

resource keyRingReader 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: keyRingReaderName
}

resource readCertificates 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, keyRingReader.id, certificateUser)
  properties: {
    principalId: keyRingReader.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', certificateUser)
  }
}

// Versionless URIs: the app picks up a rotated secret on its next revision restart. Empty for a secret not written.
output signingKeyUri string = signingKey.properties.secretUri
output pseudonymKeyUri string = pseudonymKey.properties.secretUri
output previousSigningKeyUri string = previousSigningKey.?properties.secretUri ?? ''
output smtpCredentialUri string = smtp.properties.secretUri
output graphClientSecretUri string = graph.properties.secretUri
output entraClientSecretUri string = entra.?properties.secretUri ?? ''
output name string = vault.name
@description('The vault\'s address, ending in a slash.')
output uri string = vault.properties.vaultUri
