/** Rules on one task element, whatever job it is in. */
import { Report, Rule, elementRule, treeRule } from './rule';
import { nameSpan } from './ranges';
import { XmlElement, attribute } from '../model/xmlTree';
import { isAgentTask } from '../schema/schema';
import { isConsolidation } from './attributeRules';

/** Element names of older versions, replaced by a `Type` attribute or by the job state machine. */
const LEGACY_TASKS: Record<string, string> = {
  PrepareSynchronizationChangesTask: 'PrepareSynchronizationTask with Type="Changes"',
  PrepareSynchronizationActiveDirectoryTask: 'PrepareSynchronizationTask with Type="ActiveDirectory"',
  SynchronizeChangesTask: 'SynchronizeTask with Type="Changes"',
  SynchronizeActiveDirectoryTask: 'SynchronizeTask with Type="ActiveDirectory"',
  SynchronizationADDirSyncTask: 'SynchronizeTask with Type="ActiveDirectory"',
  SynchronizationValidationTask: 'nothing: the job state machine runs the validation when needed',
};

export const agentTaskAgentAndClient: Rule = elementRule({
  id: 'agenttask/agent-openidclient-required',
  skipsGenerated: true,
  severity: 'error',
  source: 'task pages of ExportTask, PrepareSynchronizationTask, ActivityInstanceActorTask, CreateDatabaseViewsTask, InvokeApiTask, InvokeAspectsTask',
  explanation: 'Agent-side tasks run on an agent and report to the server with an OpenID client: both `Agent` and `OpenIdClient` are required.',
  checkElement(el, _schema, report) {
    if (!isAgentTask(el.name) || !el.startTagComplete || isConsolidation(el)) return;
    const missing = ['Agent', 'OpenIdClient'].filter((n) => !attribute(el, n));
    if (missing.length) report({ ...nameSpan(el), message: `${el.name} runs on an agent: set ${missing.map((m) => `'${m}'`).join(' and ')}.` });
  },
});

export const exportConnectionRequired: Rule = elementRule({
  id: 'export/connection-required',
  skipsGenerated: true,
  severity: 'error',
  source: 'the Connections page of the connector configuration details (the ExportTask page says optional; the Connections page says mandatory)',
  explanation: 'An ExportTask runs the export of one connection: without `Connection` there is nothing to export.',
  checkElement(el, _schema, report) {
    if (el.name === 'ExportTask' && el.startTagComplete && !isConsolidation(el) && !attribute(el, 'Connection')) {
      report({ ...nameSpan(el), message: "ExportTask needs a 'Connection': the connection whose export it runs." });
    }
  },
});

/** A FulfillTask or GenerateProvisioningOrdersTask works on a connector or on resource types. */
function reportMissingTarget(element: string): (elements: readonly XmlElement[], report: Report<never>) => void {
  return (elements, report) => {
    for (const el of elements) {
      if (el.name !== element || !el.startTagComplete || isConsolidation(el) || attribute(el, 'Connector')) continue;
      if (el.children.some((c) => c.name === 'TaskResourceType')) continue;
      report({ ...nameSpan(el), message: `${element} needs a 'Connector' or TaskResourceType children.` });
    }
  };
}

export const fulfillTargetRequired = treeRule({
  id: 'fulfill/target-required',
  severity: 'error',
  skipsGenerated: true,
  source: 'the FulfillTask page',
  explanation: 'A FulfillTask works either on a connector (`Connector`) or on a list of resource types (`TaskResourceType` children); it needs one of them.',
  checkTree: reportMissingTarget('FulfillTask'),
});

export const generateProvisioningTargetRequired = treeRule({
  id: 'generateprovisioning/target-required',
  severity: 'error',
  skipsGenerated: true,
  source: 'the GenerateProvisioningOrdersTask page',
  explanation: 'A GenerateProvisioningOrdersTask works either on a connector (`Connector`) or on a list of resource types (`TaskResourceType` children); it needs one of them.',
  checkTree: reportMissingTarget('GenerateProvisioningOrdersTask'),
});

export const legacyTaskElement: Rule = elementRule({
  id: 'legacy/task-element',
  severity: 'error',
  source: 'the Upward Data Synchronization page; the 6.1 how-to pages',
  explanation:
    'Element names of older versions (`PrepareSynchronizationChangesTask`, `SynchronizeActiveDirectoryTask`, ' +
    '`SynchronizationValidationTask`…) are no longer accepted: they became a `Type` attribute, or the job state machine does the work.',
  checkElement(el, _schema, report) {
    const replacement = LEGACY_TASKS[el.name];
    if (replacement) report({ ...nameSpan(el), message: `${el.name} is an old element name; use ${replacement}.` });
  },
});

export const deprecatedSendRoleModelNotifications: Rule = elementRule({
  id: 'deprecated/sendrolemodelnotifications',
  skipsGenerated: true,
  severity: 'info',
  source: 'the SendRoleModelNotificationsTask page (current version: "Migration Guide: SendRoleModelNotificationsTask to SendNotificationsTask")',
  explanation: 'SendRoleModelNotificationsTask is deprecated in the current version: use SendNotificationsTask with RolePolicyNotification / RoleReviewNotification.',
  checkElement(el, _schema, report) {
    if (el.name === 'SendRoleModelNotificationsTask') {
      report({ ...nameSpan(el), message: 'SendRoleModelNotificationsTask is deprecated: prefer SendNotificationsTask.' });
    }
  },
});

export const taskEntityTypeAttributeName: Rule = elementRule({
  id: 'taskentitytype/attribute-name',
  severity: 'error',
  source: 'the task pages (TaskEntityType EntityType=); the Set up Complete Synchronization guide, steps 5 and 6, write Identifier=',
  explanation:
    'TaskEntityType names its entity type with `EntityType=`. The Set up Complete Synchronization guide writes `Identifier=` in steps 5 and 6; the documentation ' +
    'and every scaffolding output use `EntityType=`.',
  fixes: { 'rename-attribute': 'safe' },
  checkElement(el, _schema, report) {
    if (el.name !== 'TaskEntityType' || attribute(el, 'EntityType')) return;
    const id = attribute(el, 'Identifier');
    if (id) {
      report({
        start: id.nameStart,
        end: id.nameEnd,
        message: "TaskEntityType names its entity type with 'EntityType=', not 'Identifier='.",
        fixes: [{ fix: 'rename-attribute', to: 'EntityType' }],
      });
    }
  },
});

export const TASK_RULES: readonly Rule[] = [
  agentTaskAgentAndClient,
  exportConnectionRequired,
  fulfillTargetRequired,
  generateProvisioningTargetRequired,
  legacyTaskElement,
  deprecatedSendRoleModelNotifications,
  taskEntityTypeAttributeName,
];
