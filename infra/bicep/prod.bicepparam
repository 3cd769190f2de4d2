using 'main.bicep'

// Production: zone-redundant storage, eight task-hub partitions (so up to eight replicas; fixed once
// the task hub exists), one replica at rest, longer log retention. Secrets come from the shell
// (see docs/deploy.md), never from this file.
param environmentName = 'prod'
// The workflow on a Flex Consumption Function App (always-ready durable instance); the container app serves the UI client-only.
param workflowHost = 'functions'
param image = readEnvironmentVariable('REFERENCEFLOW_IMAGE')
param registryServer = readEnvironmentVariable('REFERENCEFLOW_REGISTRY', '')
param partitionCount = 8
param maxReplicas = 8
param httpConcurrency = 50
param cpu = '0.5'
param memory = '1Gi'
param storageSku = 'Standard_ZRS'
param logRetentionInDays = 90
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
param publicBaseUrl = readEnvironmentVariable('REFERENCEFLOW_PUBLIC_BASE_URL', '')
