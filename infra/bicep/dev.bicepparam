using 'main.bicep'

// Development: small and cheap (one replica at rest, up to three). Secrets come from the shell (see docs/deploy.md),
// never from this file.
param environmentName = 'dev'
// Functions as in production, so dev rehearses the topology prod runs ('container' is the all-in-one alternative).
param workflowHost = 'functions'
param image = readEnvironmentVariable('REFERENCEFLOW_IMAGE')
param registryServer = readEnvironmentVariable('REFERENCEFLOW_REGISTRY', '')
param partitionCount = 4
param maxReplicas = 3
param httpConcurrency = 30
param cpu = '0.25'
param memory = '0.5Gi'
param storageSku = 'Standard_LRS'
param logRetentionInDays = 30
param graphClientId = readEnvironmentVariable('REFERENCEFLOW_GRAPH_CLIENT_ID')
param smtpEntraApplicationId = readEnvironmentVariable('REFERENCEFLOW_SMTP_CLIENT_ID')
param smtpServicePrincipalObjectId = readEnvironmentVariable('REFERENCEFLOW_SMTP_SP_OBJECT_ID')
param emailDomainName = readEnvironmentVariable('REFERENCEFLOW_EMAIL_DOMAIN')
param linkEmailDomain = bool(readEnvironmentVariable('REFERENCEFLOW_LINK_EMAIL_DOMAIN', 'false'))
param communicationDataLocation = 'Europe'
param actionLinkSigningKey = readEnvironmentVariable('REFERENCEFLOW_SIGNING_KEY')
param smtpPassword = readEnvironmentVariable('REFERENCEFLOW_SMTP_PASSWORD')
param graphClientSecret = readEnvironmentVariable('REFERENCEFLOW_GRAPH_CLIENT_SECRET')
