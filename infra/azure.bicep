// Azure resources for Udviklingssamtale in Microsoft 365 mode: the Node.js web
// app (tab, API, jobs and the bot at /api/messages), the Azure Bot registration
// with its Teams channel, PostgreSQL, and a Key
// Vault holding the secrets the app reads through Key Vault references.
@description('Short name used for every resource, e.g. "udvsamtale-dev".')
param resourceBaseName string
param location string = resourceGroup().location
@description('Entra ID app registration (client id) for SSO and Graph.')
param aadAppClientId string
@secure()
@description('Its client secret; stored in Key Vault, never in app settings.')
param aadAppClientSecret string
param aadAppTenantId string = subscription().tenantId
@description('Graph drive id of the SharePoint document library for agendas and documents.')
param sharePointDriveId string
param postgresAdminLogin string = 'udvadmin'
@secure()
param postgresAdminPassword string
param appServiceSku string = 'B1'
@description('The Teams app\'s id in the tenant\'s app catalog, for installing it for participants through Graph.')
param teamsAppCatalogId string

var webAppName = '${resourceBaseName}-app'
var publicUrl = 'https://${webAppName}.azurewebsites.net'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${take(replace(resourceBaseName, '-', ''), 20)}kv'
  location: location
  properties: {
    tenantId: aadAppTenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {
  name: '${resourceBaseName}-pg'
  location: location
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    storage: { storageSizeGB: 32 }
    backup: { backupRetentionDays: 14, geoRedundantBackup: 'Disabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2023-12-01-preview' = {
  parent: postgres
  name: 'udviklingssamtale'
}

resource allowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2023-12-01-preview' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

resource clientSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'aad-client-secret'
  properties: { value: aadAppClientSecret }
}

resource databaseUrl 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: {
    value: 'postgres://${postgresAdminLogin}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/udviklingssamtale?sslmode=require'
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'npm run build:tab && npx tsx src/main.ts'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      appSettings: [
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'PORT', value: '8080' }
        { name: 'WEBSITES_PORT', value: '8080' }
        { name: 'PUBLIC_URL', value: publicUrl }
        { name: 'AZURE_TENANT_ID', value: aadAppTenantId }
        { name: 'AZURE_CLIENT_ID', value: aadAppClientId }
        { name: 'AZURE_CLIENT_SECRET', value: '@Microsoft.KeyVault(SecretUri=${clientSecret.properties.secretUri})' }
        { name: 'DATABASE_URL', value: '@Microsoft.KeyVault(SecretUri=${databaseUrl.properties.secretUri})' }
        { name: 'SHAREPOINT_DRIVE_ID', value: sharePointDriveId }
        { name: 'TEAMS_APP_CATALOG_ID', value: teamsAppCatalogId }
        { name: 'ORGANISATION_FILE', value: 'config/organisation.json' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
      ]
    }
  }
}

// Key Vault Secrets User for the web app's identity, so the references resolve.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, webApp.id, 'kv-secrets-user')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// The bot's Azure registration: the same Entra app (single tenant) and the same
// web app. Bot Service signs what it posts to /api/messages; the Agents SDK checks it.
resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${resourceBaseName}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: 'Udviklingssamtale'
    endpoint: '${publicUrl}/api/messages'
    msaAppId: aadAppClientId
    msaAppTenantId: aadAppTenantId
    msaAppType: 'SingleTenant'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

output PUBLIC_URL string = publicUrl
output AZURE_WEBAPP_RESOURCE_ID string = webApp.id
