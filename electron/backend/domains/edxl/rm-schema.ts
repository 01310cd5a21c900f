/**
 * What the EDXL-RM 1.0 schemas require of the messages the console writes (standards
 * reference §5.4, read from the official XSDs): the order of the header elements, which
 * are required, and the ScheduleType values each message allows. The exporter follows this
 * and the tests check exports against it, so neither needs the XSD files at run time.
 */
export const RM_NS = 'urn:oasis:names:tc:emergency:EDXL:RM:1.0';
export const RM_MSG_NS = 'urn:oasis:names:tc:emergency:EDXL:RM:1.0:msg';
export const DE_NS = 'urn:oasis:names:tc:emergency:EDXL:DE:1.0';

export const HEADER_ORDER = [
  'MessageID',
  'SentDateTime',
  'MessageContentType',
  'MessageDescription',
  'OriginatingMessageID',
  'PrecedingMessageID',
  'IncidentInformation',
  'MessageRecall',
  'Funding',
  'ContactInformation',
  'ResourceInformation',
] as const;

export const RESOURCE_INFO_ORDER = ['ResourceInfoElementID', 'ResponseInformation', 'Resource', 'AssignmentInformation', 'ScheduleInformation'] as const;
export const RESOURCE_ORDER = [
  'ResourceID',
  'Name',
  'TypeStructure',
  'TypeInfo',
  'Keyword',
  'Description',
  'Credentials',
  'Certifications',
  'SpecialRequirements',
  'ResponsibleParty',
  'OwnershipInformation',
  'ResourceStatus',
] as const;
export const ASSIGNMENT_ORDER = ['Quantity', 'Restrictions', 'AnticipatedFunction', 'PriceQuote', 'OrderID', 'AssignmentInstructions'] as const;

export type RmMessageType = 'RequestResource' | 'ResponseToRequestResource' | 'CommitResource' | 'ReleaseResource' | 'ReportResourceDeploymentStatus';

export interface MessageRules {
  /** Header elements that must be present. */
  readonly required: readonly string[];
  /** ResponseInformation required in each ResourceInformation. */
  readonly responseRequired: boolean;
  /** Resource required in each ResourceInformation. */
  readonly resourceRequired: boolean;
  /** Quantity required in AssignmentInformation (when it is present). */
  readonly quantityRequired: boolean;
  /** OrderID allowed in AssignmentInformation. */
  readonly orderIdAllowed: boolean;
  /** OwnershipInformation/ResourceStatus allowed in Resource. */
  readonly ownershipAllowed: boolean;
  readonly scheduleTypes: readonly string[];
}

const ALL_SCHEDULES = [
  'RequestedArrival',
  'EstimatedArrival',
  'ActualArrival',
  'RequestedDeparture',
  'EstimatedDeparture',
  'ActualDeparture',
  'EstimatedReturnDeparture',
  'EstimatedReturnArrival',
  'ActualReturnArrival',
  'RequestedReturnDeparture',
  'RequestedReturnArrival',
  'ActualReturnDeparture',
  'BeginAvailable',
  'EndAvailable',
  'Committed',
  'Current',
  'ReportTo',
  'Route',
] as const;

const BASE = ['MessageID', 'SentDateTime', 'MessageContentType', 'OriginatingMessageID', 'ContactInformation', 'ResourceInformation'];

export const RULES: Readonly<Record<RmMessageType, MessageRules>> = {
  RequestResource: {
    required: BASE,
    responseRequired: false,
    resourceRequired: true,
    quantityRequired: false,
    orderIdAllowed: false,
    ownershipAllowed: false,
    scheduleTypes: ['RequestedArrival', 'RequestedDeparture', 'EstimatedReturnDeparture', 'EstimatedReturnArrival', 'ReportTo', 'Route'],
  },
  ResponseToRequestResource: {
    required: [...BASE, 'PrecedingMessageID'],
    responseRequired: true,
    resourceRequired: false,
    quantityRequired: false,
    orderIdAllowed: false,
    ownershipAllowed: true,
    scheduleTypes: [
      'EstimatedArrival',
      'EstimatedDeparture',
      'RequestedReturnDeparture',
      'RequestedReturnArrival',
      'BeginAvailable',
      'EndAvailable',
      'RequestedArrival',
      'RequestedDeparture',
      'EstimatedReturnDeparture',
      'ReportTo',
      'Route',
    ],
  },
  CommitResource: {
    required: [...BASE, 'PrecedingMessageID'],
    responseRequired: true,
    resourceRequired: false,
    quantityRequired: true,
    orderIdAllowed: true,
    ownershipAllowed: true,
    scheduleTypes: ALL_SCHEDULES.filter((s) => !['ActualArrival', 'ActualReturnArrival', 'ActualReturnDeparture'].includes(s)),
  },
  ReleaseResource: {
    required: BASE,
    responseRequired: false,
    resourceRequired: true,
    quantityRequired: true,
    orderIdAllowed: true,
    ownershipAllowed: true,
    scheduleTypes: ALL_SCHEDULES.filter((s) => s !== 'ActualReturnArrival'),
  },
  ReportResourceDeploymentStatus: {
    required: BASE,
    responseRequired: false,
    resourceRequired: false,
    quantityRequired: false,
    orderIdAllowed: true,
    ownershipAllowed: true,
    scheduleTypes: ALL_SCHEDULES,
  },
};

export const RESPONSE_TYPES = ['Accept', 'Decline', 'Provisional'] as const;
export const CONTACT_ROLES = ['Sender', 'Requester', 'SubjectMatterExpert', 'Approver', 'RespondingOrg', 'Owner'] as const;
export const RECALL_TYPES = ['Update', 'Cancel'] as const;
export const DE_STATUSES = ['Actual', 'Exercise', 'System', 'Test'] as const;
export const DE_TYPES = ['Report', 'Update', 'Cancel', 'Request', 'Response', 'Dispatch', 'Ack', 'Error', 'SensorConfiguration', 'SensorControl', 'SensorStatus', 'SensorDetection'] as const;

/** Our own value lists, named by URN as ValueListType requires. */
export const UNIT_URN = 'urn:x-eoc-console:unit-of-measure';
export const DEPLOYMENT_STATUS_URN = 'urn:x-eoc-console:deployment-status';
export const LOCAL_KIND_URN = 'urn:x-eoc-console:resource-kind:local';
