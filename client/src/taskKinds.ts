/**
 * How a task kind looks in the Jobs view and the job graph: a codicon per task element, and a
 * short label ("ExportTask" → "Export"). Plain data: no vscode import, shared with the webview.
 */
const ICONS: Record<string, string> = {
  ExportTask: 'cloud-download',
  PrepareSynchronizationTask: 'filter',
  SynchronizeTask: 'sync',
  GenerateProvisioningOrdersTask: 'checklist',
  FulfillTask: 'cloud-upload',
  UpdateEntityPropertyExpressionsTask: 'symbol-property',
  ComputeCorrelationKeysTask: 'key',
  ComputeRoleModelTask: 'type-hierarchy',
  BuildRoleModelTask: 'type-hierarchy-sub',
  ComputeRiskScoresTask: 'shield',
  UpdateClassificationTask: 'tag',
  SetInternalUserProfilesTask: 'person',
  SetRecentlyModifiedFlagTask: 'history',
  MaintainIndexesTask: 'database',
  ManageConfigurationIndexesTask: 'database',
  CreateDatabaseViewsTask: 'table',
  InvokeSqlCommandTask: 'database',
  InvokeApiTask: 'plug',
  InvokeExpressionTask: 'symbol-method',
  InvokeAspectsTask: 'symbol-event',
  UpdateParametersContextDisplayNamesTask: 'symbol-string',
  SendRoleModelNotificationsTask: 'mail',
  SendNotificationsTask: 'mail',
  SendAccessCertificationNotificationTask: 'mail',
  ProcessAccessCertificationItemsTask: 'verified',
  UpdateAccessCertificationCampaignTask: 'verified',
  SetAccessCertificationReviewerTask: 'verified',
  ActivityInstanceActorTask: 'organization',
  GetRoleMiningTask: 'search',
  ResetValidFromTask: 'calendar',
  SavePreExistingAccessRightsTask: 'save',
  DeployConfigurationTask: 'rocket',
  RefreshSchemaTask: 'refresh',
  CleanDataBase: 'trash',
};

/** The codicon of a task element; `warning` for a Step whose task no file defines (type null). */
export function taskIcon(type: string | null): string {
  if (type === null) return 'warning';
  return ICONS[type] ?? 'symbol-event';
}

/** "PrepareSynchronizationTask" → "Prepare Synchronization"; a task no file defines → "undefined task". */
export function taskKindLabel(type: string | null): string {
  if (type === null) return 'undefined task';
  return type.replace(/Task$/, '').replace(/([a-z])([A-Z])/g, '$1 $2');
}
