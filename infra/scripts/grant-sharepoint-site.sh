#!/usr/bin/env bash
# Sites.Selected: gives the app write access to the one SharePoint site whose
# library holds the agendas and minutes, and nothing else. Run once by a
# SharePoint or global administrator: SITE=<host>:/sites/<name> bash infra/scripts/grant-sharepoint-site.sh
set -euo pipefail
: "${SITE:?e.g. sohavn.sharepoint.com:/sites/Skoleudvikling}" "${AAD_APP_CLIENT_ID:?}"
site_id=$(az rest --method get --url "https://graph.microsoft.com/v1.0/sites/$SITE" --query id -o tsv)
az rest --method post --url "https://graph.microsoft.com/v1.0/sites/$site_id/permissions" --headers "Content-Type=application/json" --body "{
  \"roles\": [\"write\"],
  \"grantedToIdentities\": [{ \"application\": { \"id\": \"$AAD_APP_CLIENT_ID\", \"displayName\": \"Udviklingssamtale\" } }]
}" >/dev/null
drive_id=$(az rest --method get --url "https://graph.microsoft.com/v1.0/sites/$site_id/drive" --query id -o tsv)
echo "Granted. Put this in env/.env.<env> as SHAREPOINT_DRIVE_ID: $drive_id"
