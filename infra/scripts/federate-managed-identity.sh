#!/usr/bin/env bash
# Makes the web app's managed identity a federated credential of the Entra app,
# so the app gets Graph and Bot Service tokens without any secret. Idempotent.
# Run by `atk provision` (m365agents.yml) with the environment it has written;
# needs the Azure CLI signed in to the tenant (`az login`).
set -euo pipefail
: "${AAD_APP_OBJECT_ID:?run atk provision first}" "${AAD_APP_TENANT_ID:?}" "${MANAGED_IDENTITY_PRINCIPAL_ID:?}"
name="udviklingssamtale-app-service"
if az ad app federated-credential show --id "$AAD_APP_OBJECT_ID" --federated-credential-id "$name" >/dev/null 2>&1; then
  echo "Federated credential $name exists."
  exit 0
fi
az ad app federated-credential create --id "$AAD_APP_OBJECT_ID" --parameters "{
  \"name\": \"$name\",
  \"issuer\": \"https://login.microsoftonline.com/$AAD_APP_TENANT_ID/v2.0\",
  \"subject\": \"$MANAGED_IDENTITY_PRINCIPAL_ID\",
  \"audiences\": [\"api://AzureADTokenExchange\"],
  \"description\": \"The Udviklingssamtale web app's managed identity\"
}" >/dev/null
echo "Federated credential $name created."
