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
param erasurePseudonymKey = readEnvironmentVariable('REFERENCEFLOW_PSEUDONYM_KEY')
// Set only while rotating: the key being replaced, so the links it signed keep working until they expire.
param previousActionLinkSigningKey = readEnvironmentVariable('REFERENCEFLOW_PREVIOUS_SIGNING_KEY', '')
param entraClientId = readEnvironmentVariable('REFERENCEFLOW_ENTRA_CLIENT_ID', '')
param entraClientSecret = readEnvironmentVariable('REFERENCEFLOW_ENTRA_CLIENT_SECRET', '')
// Comma-separated object ids (or sign-in names).
param programManagers = filter(split(readEnvironmentVariable('REFERENCEFLOW_PROGRAM_MANAGERS', ''), ','), m => !empty(trim(m)))
param salesReps = filter(split(readEnvironmentVariable('REFERENCEFLOW_SALES_REPS', ''), ','), m => !empty(trim(m)))
param smtpPassword = readEnvironmentVariable('REFERENCEFLOW_SMTP_PASSWORD')
param graphClientSecret = readEnvironmentVariable('REFERENCEFLOW_GRAPH_CLIENT_SECRET')
