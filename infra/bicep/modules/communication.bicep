metadata description = 'Azure Communication Services Email with a customer-managed domain, a sender address and an SMTP username.'

param emailServiceName string
param communicationServiceName string
param tags object

@description('Data location of the ACS resources (a geography such as "Europe" or "United States", not a region).')
param dataLocation string

@description('Custom sending domain, e.g. mail.contoso.com; its DNS records are an output.')
param domainName string

@description('Local part of the sender address (referenceflow -> referenceflow@<domain>).')
param senderUsername string

param senderDisplayName string

@description('Link the domain to ACS only after its DNS records verified (a second deployment); linking an unverified domain fails.')
param linkDomain bool

@description('Entra application (client) id whose secret is the SMTP password.')
param smtpEntraApplicationId string

@description('Object id of that application\'s service principal; it gets send rights on the ACS resource.')
param smtpServicePrincipalObjectId string

param tenantId string

@description('SMTP username shown to the app (often the sender address).')
param smtpUsername string

// Built-in "Communication and Email Service Owner": enough for SMTP send with an Entra app.
var emailServiceOwner = '09976791-48a7-449e-bb21-39d1a415f350'

resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: { dataLocation: dataLocation }
}

resource domain 'Microsoft.Communication/emailServices/domains@2023-04-01' = {
  parent: emailService
  name: domainName
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'CustomerManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource sender 'Microsoft.Communication/emailServices/domains/senderUsernames@2023-04-01' = {
  parent: domain
  name: senderUsername
  properties: {
    username: senderUsername
    displayName: senderDisplayName
  }
}

resource acs 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: linkDomain ? [domain.id] : []
  }
}

resource smtpSend 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: acs
  name: guid(acs.id, smtpServicePrincipalObjectId, emailServiceOwner)
  properties: {
    principalId: smtpServicePrincipalObjectId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', emailServiceOwner)
  }
}

resource smtpUser 'Microsoft.Communication/communicationServices/smtpUsernames@2025-09-01' = if (linkDomain) {
  parent: acs
  name: 'referenceflow'
  properties: {
    username: smtpUsername
    entraApplicationId: smtpEntraApplicationId
    tenantId: tenantId
  }
}

output senderAddress string = '${senderUsername}@${domainName}'
output verificationRecords object = domain.properties.verificationRecords
output smtpUsername string = smtpUsername
