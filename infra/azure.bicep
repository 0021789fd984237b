// Azure resources for Udviklingssamtale in Microsoft 365 mode. Nothing secret
// is stored anywhere: the web app runs as a user-assigned managed identity that
// (1) is a federated credential of the Entra app (Graph and Bot Service tokens,
// set up by infra/scripts/federate-managed-identity.sh), (2) signs in to
// PostgreSQL with Entra authentication, (3) reads Key Vault. GA API versions only.
@description('Short name used for every resource, e.g. "udvsamtale-dev".')
param resourceBaseName string
param location string = resourceGroup().location
@description('The Entra app (client id) for SSO, Graph and the bot.')
param aadAppClientId string
param aadAppTenantId string = subscription().tenantId
@description('Graph drive id of the SharePoint document library for agendas and documents.')
param sharePointDriveId string
@description('The Teams app\'s manifest id (deep links from chat into the tab).')
param teamsAppId string
@description('The Teams app\'s id in the org catalog ("pending" until the first publish).')
param teamsAppCatalogId string
@description('The organisation file in the deployment (schools, leaders, municipal leads).')
param organisationFile string = 'config/organisation.json'
param appServiceSku string = 'B1'

var webAppName = '${resourceBaseName}-app'
var publicHost = '${webAppName}.azurewebsites.net'
var publicUrl = 'https://${publicHost}'
var databaseName = 'udviklingssamtale'

// The app's one identity.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

// Private network: the web app reaches PostgreSQL only through the virtual network (no firewall rule open to Azure).
resource network 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${resourceBaseName}-vnet'
  location: location
  properties: {
    addressSpace: { addressPrefixes: ['10.40.0.0/16'] }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: '10.40.1.0/24'
          delegations: [{ name: 'web', properties: { serviceName: 'Microsoft.Web/serverFarms' } }]
        }
      }
      {
        name: 'database'
        properties: {
          addressPrefix: '10.40.2.0/24'
          delegations: [{ name: 'postgres', properties: { serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers' } }]
        }
      }
    ]
  }
}

resource databaseDns 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: '${resourceBaseName}.private.postgres.database.azure.com'
  location: 'global'
}

resource databaseDnsLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = {
  parent: databaseDns
  name: 'vnet'
  location: 'global'
  properties: { virtualNetwork: { id: network.id }, registrationEnabled: false }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: '${resourceBaseName}-pg'
  location: location
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
  properties: {
    version: '16'
    // Entra ID only: no administrator password exists.
    authConfig: { activeDirectoryAuth: 'Enabled', passwordAuth: 'Disabled', tenantId: aadAppTenantId }
    storage: { storageSizeGB: 32 }
    backup: { backupRetentionDays: 14, geoRedundantBackup: 'Disabled' }
    network: {
      delegatedSubnetResourceId: '${network.id}/subnets/database'
      privateDnsZoneArmResourceId: databaseDns.id
      publicNetworkAccess: 'Disabled'
    }
  }
  dependsOn: [databaseDnsLink]
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: databaseName
}

// The managed identity is the server's Entra administrator; the app connects as it.
resource databaseAdmin 'Microsoft.DBforPostgreSQL/flexibleServers/administrators@2024-08-01' = {
  parent: postgres
  name: identity.properties.principalId
  properties: {
    principalType: 'ServicePrincipal'
    principalName: identity.name
    tenantId: aadAppTenantId
  }
  dependsOn: [database]
}

// For anything that must stay secret later (a certificate as the alternative credential); read by the identity.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: '${take(replace(resourceBaseName, '-', ''), 20)}kv'
  location: location
  properties: {
    tenantId: aadAppTenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, 'kv-secrets-user')
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 30 }
}

// Traces of Graph and Bot Connector calls and job outcomes (@azure/monitor-opentelemetry).
resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  kind: 'web'
  properties: { Application_Type: 'web', WorkspaceResourceId: logs.id, DisableLocalAuth: false }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true }
}

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identity.id}': {} } }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    virtualNetworkSubnetId: '${network.id}/subnets/app'
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      // Node 24 LTS (Node 20 reached end of life on 2026-04-30).
      linuxFxVersion: 'NODE|24-lts'
      // The build made once by `atk deploy` (npm run build), shipped as is.
      appCommandLine: 'node --enable-source-maps dist/server/main.js'
      healthCheckPath: '/readyz'
      alwaysOn: true
      vnetRouteAllEnabled: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      appSettings: [
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'PORT', value: '8080' }
        { name: 'WEBSITES_PORT', value: '8080' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'PUBLIC_URL', value: publicUrl }
        { name: 'AZURE_TENANT_ID', value: aadAppTenantId }
        { name: 'AZURE_CLIENT_ID', value: aadAppClientId }
        { name: 'AZURE_FEDERATED_IDENTITY_CLIENT_ID', value: identity.properties.clientId }
        // No password: the app signs in with the managed identity's Entra token.
        { name: 'DATABASE_URL', value: 'postgres://${identity.name}@${postgres.properties.fullyQualifiedDomainName}:5432/${databaseName}?sslmode=require' }
        { name: 'DATABASE_AUTH', value: 'entra' }
        { name: 'SHAREPOINT_DRIVE_ID', value: sharePointDriveId }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        { name: 'TEAMS_APP_CATALOG_ID', value: teamsAppCatalogId }
        { name: 'ORGANISATION_FILE', value: organisationFile }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
      ]
    }
  }
}

// The bot's Azure registration: the same Entra app (single tenant) and the same web app.
// Bot Service signs what it posts to /api/messages; the Agents SDK checks it.
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
  properties: { channelName: 'MsTeamsChannel' }
}

output PUBLIC_URL string = publicUrl
output PUBLIC_HOST string = publicHost
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.properties.principalId
output APPLICATIONINSIGHTS_RESOURCE_ID string = insights.id
