/**
 * Names the synthetic configurations are made of: connector families with real package
 * names, French sites, and entity properties with English and French display names.
 * Everything here is Latin-1, so any file can also be written as Windows-1252.
 */

export interface Family {
  /** Folder and identifier stem; every family sorts before 'Workday', which the generator keeps last. */
  name: string;
  label: string;
  exportPackage: string;
  /** The package of the fulfilment connection (the family's own when it can fulfil). */
  fulfillPackage: string;
  /** PrepareSynchronizationTask/SynchronizeTask Type, when the family needs one. */
  syncType?: string;
}

export const FAMILIES: readonly Family[] = [
  { name: 'ActiveDirectory', label: 'Active Directory', exportPackage: 'Usercube.AD@0000001', fulfillPackage: 'Usercube.AD@0000001', syncType: 'ActiveDirectory' },
  { name: 'AzureAD', label: 'Microsoft Entra ID', exportPackage: 'Usercube.AzureAD@0000001', fulfillPackage: 'Usercube.AzureAD@0000001' },
  { name: 'CyberArk', label: 'CyberArk', exportPackage: 'Usercube.SCIM.CyberArk@0000001', fulfillPackage: 'Usercube.SCIM.CyberArk@0000001' },
  { name: 'EasyVista', label: 'EasyVista', exportPackage: 'Usercube.EasyVista@0000001', fulfillPackage: 'Usercube.EasyVista@0000001' },
  { name: 'Exchange', label: 'Microsoft Exchange', exportPackage: 'Usercube.MicrosoftExchange@0000001', fulfillPackage: 'Usercube.MicrosoftExchange@0000001' },
  { name: 'GoogleWorkspace', label: 'Google Workspace', exportPackage: 'Usercube.GoogleWorkspace@0000001', fulfillPackage: 'Usercube.GoogleWorkspace@0000001' },
  { name: 'LDAP', label: 'LDAP', exportPackage: 'Usercube.LDAP@0000001', fulfillPackage: 'Usercube.LDAP@0000001' },
  { name: 'OpenLDAP', label: 'OpenLDAP', exportPackage: 'Usercube.OpenLDAP@0000001', fulfillPackage: 'Usercube.OpenLDAP@0000001' },
  { name: 'Oracle', label: 'Oracle', exportPackage: 'Usercube.SQL.Oracle@0000001', fulfillPackage: 'Usercube.FulfillDatabase@0000001' },
  { name: 'SAP', label: 'SAP S/4 HANA', exportPackage: 'Usercube.SAP@0000001', fulfillPackage: 'Usercube.SAP@0000001' },
  { name: 'Salesforce', label: 'Salesforce', exportPackage: 'Usercube.SCIM.Salesforce@0000001', fulfillPackage: 'Usercube.SCIM.Salesforce@0000001' },
  { name: 'ServiceNow', label: 'ServiceNow', exportPackage: 'Usercube.ServiceNow@0000001', fulfillPackage: 'Usercube.ServiceNow@0000001' },
  { name: 'SharePoint', label: 'SharePoint', exportPackage: 'Usercube.SharePoint@0000001', fulfillPackage: 'Usercube.SharePoint@0000001' },
  { name: 'Slack', label: 'Slack', exportPackage: 'Usercube.SCIM.Slack@0000001', fulfillPackage: 'Usercube.SCIM.Slack@0000001' },
  { name: 'SQLServer', label: 'SQL Server', exportPackage: 'Usercube.SQL.SQLServer@0000001', fulfillPackage: 'Usercube.FulfillDatabase@0000001' },
];

/** The family of the last system folder, which therefore sorts last in the walk. */
export const LAST_FAMILY: Family = {
  name: 'Workday',
  label: 'Workday',
  exportPackage: 'Usercube.Workday@0000001',
  fulfillPackage: 'Usercube.FulfillToFile@0000001',
};

/** Sites: identifier form (ASCII) and French display form. */
export const SITES: readonly [string, string][] = [
  ['Paris', 'Paris'],
  ['Lyon', 'Lyon'],
  ['Marseille', 'Marseille'],
  ['Toulouse', 'Toulouse'],
  ['Nice', 'Nice'],
  ['Nantes', 'Nantes'],
  ['Strasbourg', 'Strasbourg'],
  ['Montpellier', 'Montpellier'],
  ['Bordeaux', 'Bordeaux'],
  ['Lille', 'Lille'],
  ['Rennes', 'Rennes'],
  ['Reims', 'Reims'],
  ['Orleans', 'Orléans'],
  ['Besancon', 'Besançon'],
  ['SaintEtienne', 'Saint-Étienne'],
  ['Nimes', 'Nîmes'],
  ['Creteil', 'Créteil'],
  ['Chambery', 'Chambéry'],
  ['Grenoble', 'Grenoble'],
  ['Dijon', 'Dijon'],
  ['Angers', 'Angers'],
  ['Brest', 'Brest'],
  ['LeMans', 'Le Mans'],
  ['AixEnProvence', 'Aix-en-Provence'],
  ['Evry', 'Évry'],
  ['Perigueux', 'Périgueux'],
  ['Beziers', 'Béziers'],
];

/** Entity properties: identifier, English and French display names, type. */
export const PROPERTIES: readonly [string, string, string, string][] = [
  ['login', 'Login', 'Identifiant de connexion', 'String'],
  ['mail', 'Email', 'Adresse électronique', 'String'],
  ['firstName', 'First name', 'Prénom', 'String'],
  ['lastName', 'Last name', 'Nom de famille', 'String'],
  ['displayName', 'Display name', "Nom d'affichage", 'String'],
  ['employeeId', 'Employee number', 'Matricule', 'String'],
  ['department', 'Department', 'Département', 'String'],
  ['title', 'Job title', 'Intitulé du poste', 'String'],
  ['company', 'Company', 'Société', 'String'],
  ['city', 'City', 'Ville', 'String'],
  ['country', 'Country', 'Pays', 'String'],
  ['phone', 'Phone', 'Téléphone', 'String'],
  ['mobile', 'Mobile', 'Téléphone portable', 'String'],
  ['office', 'Office', 'Bureau', 'String'],
  ['costCenter', 'Cost center', 'Centre de coût', 'String'],
  ['startDate', 'Start date', "Date d'entrée", 'DateTime'],
  ['endDate', 'End date', 'Date de départ', 'DateTime'],
  ['lastLogon', 'Last logon', 'Dernière connexion', 'DateTime'],
  ['accountExpires', 'Account expiry', 'Expiration du compte', 'DateTime'],
  ['isLocked', 'Locked', 'Verrouillé', 'Bool'],
  ['isDisabled', 'Disabled', 'Désactivé', 'Bool'],
  ['managerId', 'Manager', 'Responsable hiérarchique', 'String'],
  ['location', 'Location', 'Implantation géographique', 'String'],
  ['businessUnit', 'Business unit', "Unité d'affaires", 'String'],
  ['contractType', 'Contract type', 'Type de contrat', 'String'],
  ['badgeNumber', 'Badge number', 'Numéro de badge', 'String'],
  ['preferredLanguage', 'Preferred language', 'Langue préférée', 'String'],
  ['description', 'Description', 'Description détaillée', 'String'],
];

export const ENTITY_KINDS: readonly [string, string, string][] = [
  ['User', 'user', 'utilisateur'],
  ['Group', 'group', 'groupe'],
  ['Role', 'role', 'rôle'],
];

/** French words for generated comments and long display names. */
export const FRENCH_NOTES: readonly string[] = [
  'Synchronisation complète planifiée chaque nuit à 2 h ; ne pas déplacer sans prévenir l’équipe',
  'Les exports sont lancés en parallèle, la préparation attend la fin de chacun',
  'Tâches déclarées une seule fois et réutilisées par les étapes des jobs',
  'Mise à jour des propriétés calculées après la synchronisation',
  'Génération des ordres de provisioning puis alimentation automatique',
  'Requête de contrôle exécutée par l’agent après chaque alimentation',
  'Périmètre validé par la DSI en comité de sécurité',
].map((s) => s.replace('’', "'"));
