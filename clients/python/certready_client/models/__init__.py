"""Contains all the data models used in inputs/outputs"""

from .action import Action
from .action_status import ActionStatus
from .activity_list_activity_format_type_0 import ActivityListActivityFormatType0
from .activity_page import ActivityPage
from .activity_read import ActivityRead
from .activity_read_after_type_0 import ActivityReadAfterType0
from .activity_read_before_type_0 import ActivityReadBeforeType0
from .admin_create import AdminCreate
from .agreement_create import AgreementCreate
from .agreement_page import AgreementPage
from .agreement_read import AgreementRead
from .agreement_status import AgreementStatus
from .agreement_type import AgreementType
from .agreement_update import AgreementUpdate
from .agreements_list_agreements_format_type_0 import AgreementsListAgreementsFormatType0
from .api_token_create import ApiTokenCreate
from .api_token_created import ApiTokenCreated
from .api_token_page import ApiTokenPage
from .api_token_read import ApiTokenRead
from .assessable_filter import AssessableFilter
from .attendee import Attendee
from .audit_checklist_read import AuditChecklistRead
from .audit_coverage_read import AuditCoverageRead
from .audit_create import AuditCreate
from .audit_detail_read import AuditDetailRead
from .audit_page import AuditPage
from .audit_programme_create import AuditProgrammeCreate
from .audit_programme_page import AuditProgrammePage
from .audit_programme_read import AuditProgrammeRead
from .audit_programme_update import AuditProgrammeUpdate
from .audit_programmes_list_audit_programmes_format_type_0 import (
    AuditProgrammesListAuditProgrammesFormatType0,
)
from .audit_read import AuditRead
from .audit_report_read import AuditReportRead
from .audit_status import AuditStatus
from .audit_team_entry import AuditTeamEntry
from .audit_transition import AuditTransition
from .audit_type import AuditType
from .audit_update import AuditUpdate
from .audits_list_audits_format_type_0 import AuditsListAuditsFormatType0
from .body_auth_create_token import BodyAuthCreateToken
from .catalogue_view import CatalogueView
from .cell_state import CellState
from .checklist_counts import ChecklistCounts
from .checklist_line_read import ChecklistLineRead
from .checklist_line_update import ChecklistLineUpdate
from .checklist_result import ChecklistResult
from .ci_create import CiCreate
from .ci_import_result import CiImportResult
from .ci_page import CiPage
from .ci_read import CiRead
from .ci_status import CiStatus
from .ci_update import CiUpdate
from .clause_read import ClauseRead
from .clause_results import ClauseResults
from .code_confirm import CodeConfirm
from .competence_requirement_create import CompetenceRequirementCreate
from .competence_requirement_page import CompetenceRequirementPage
from .competence_requirement_read import CompetenceRequirementRead
from .configuration_import_configuration_items_files_body import (
    ConfigurationImportConfigurationItemsFilesBody,
)
from .configuration_list_cmdb_verifications_format_type_0 import (
    ConfigurationListCmdbVerificationsFormatType0,
)
from .configuration_list_configuration_items_format_type_0 import (
    ConfigurationListConfigurationItemsFormatType0,
)
from .configuration_verification_read import ConfigurationVerificationRead
from .context_create import ContextCreate
from .context_read import ContextRead
from .context_update import ContextUpdate
from .continuity_list_continuity_plans_format_type_0 import ContinuityListContinuityPlansFormatType0
from .continuity_list_continuity_tests_format_type_0 import ContinuityListContinuityTestsFormatType0
from .corrective_action_create import CorrectiveActionCreate
from .corrective_action_read import CorrectiveActionRead
from .corrective_action_update import CorrectiveActionUpdate
from .corrective_measure_create import CorrectiveMeasureCreate
from .corrective_measure_page import CorrectiveMeasurePage
from .corrective_measure_read import CorrectiveMeasureRead
from .corrective_measure_transition import CorrectiveMeasureTransition
from .corrective_measure_update import CorrectiveMeasureUpdate
from .corrective_measures_list_corrective_measures_format_type_0 import (
    CorrectiveMeasuresListCorrectiveMeasuresFormatType0,
)
from .course_create import CourseCreate
from .course_kind import CourseKind
from .course_page import CoursePage
from .course_read import CourseRead
from .course_update import CourseUpdate
from .coverage import Coverage
from .coverage_line import CoverageLine
from .criticality import Criticality
from .current_token_read import CurrentTokenRead
from .cursor_page import CursorPage
from .customer_create import CustomerCreate
from .customer_kind import CustomerKind
from .customer_page import CustomerPage
from .customer_read import CustomerRead
from .customer_update import CustomerUpdate
from .customers_list_customers_format_type_0 import CustomersListCustomersFormatType0
from .decision_kind import DecisionKind
from .definition_create import DefinitionCreate
from .definition_page import DefinitionPage
from .definition_read import DefinitionRead
from .definition_update import DefinitionUpdate
from .delivery import Delivery
from .delivery_detail import DeliveryDetail
from .delivery_detail_headers import DeliveryDetailHeaders
from .delivery_page import DeliveryPage
from .delivery_read import DeliveryRead
from .demo_result import DemoResult
from .direction import Direction
from .documented_information_catalogue import DocumentedInformationCatalogue
from .documented_information_kind import DocumentedInformationKind
from .documented_information_read import DocumentedInformationRead
from .download_ticket_create import DownloadTicketCreate
from .download_ticket_read import DownloadTicketRead
from .effectiveness_result import EffectivenessResult
from .effectiveness_review_create import EffectivenessReviewCreate
from .effectiveness_review_read import EffectivenessReviewRead
from .evaluation_method import EvaluationMethod
from .evidence_add_evidence_version_body import EvidenceAddEvidenceVersionBody
from .evidence_archive import EvidenceArchive
from .evidence_create_evidence_files_body import EvidenceCreateEvidenceFilesBody
from .evidence_create_evidence_json_evidence_create import EvidenceCreateEvidenceJsonEvidenceCreate
from .evidence_kind import EvidenceKind
from .evidence_list_evidence_format_type_0 import EvidenceListEvidenceFormatType0
from .evidence_list_evidence_versions_format_type_0 import EvidenceListEvidenceVersionsFormatType0
from .evidence_page import EvidencePage
from .evidence_read import EvidenceRead
from .evidence_status import EvidenceStatus
from .evidence_transition import EvidenceTransition
from .evidence_update import EvidenceUpdate
from .evidence_verification_read import EvidenceVerificationRead
from .evidence_version_page import EvidenceVersionPage
from .evidence_version_read import EvidenceVersionRead
from .exports_export_oscal_assessment_results_response_200 import (
    ExportsExportOscalAssessmentResultsResponse200,
)
from .exports_export_oscal_catalog_response_200 import ExportsExportOscalCatalogResponse200
from .exports_export_oscal_poam_response_200 import ExportsExportOscalPoamResponse200
from .extra_topic import ExtraTopic
from .failing_object_read import FailingObjectRead
from .finding_closure import FindingClosure
from .finding_consequence import FindingConsequence
from .finding_create import FindingCreate
from .finding_grade import FindingGrade
from .finding_measure import FindingMeasure
from .finding_page import FindingPage
from .finding_read import FindingRead
from .finding_source import FindingSource
from .finding_status import FindingStatus
from .finding_transition import FindingTransition
from .finding_update import FindingUpdate
from .findings_list_findings_format_type_0 import FindingsListFindingsFormatType0
from .framework_page import FrameworkPage
from .framework_read import FrameworkRead
from .frameworks_list_frameworks_format_type_0 import FrameworksListFrameworksFormatType0
from .frequency import Frequency
from .gate import Gate
from .gate_read import GateRead
from .gates_read import GatesRead
from .health import Health
from .hook_accepted import HookAccepted
from .implementation_status import ImplementationStatus
from .integration_create import IntegrationCreate
from .integration_page import IntegrationPage
from .integration_read import IntegrationRead
from .integration_secret import IntegrationSecret
from .integration_update import IntegrationUpdate
from .integrations_list_integrations_format_type_0 import IntegrationsListIntegrationsFormatType0
from .integrations_record_page import IntegrationsRecordPage
from .integrations_record_read import IntegrationsRecordRead
from .integrity_status import IntegrityStatus
from .invitation_accepted import InvitationAccepted
from .invitation_create import InvitationCreate
from .invitation_created import InvitationCreated
from .invitation_page import InvitationPage
from .invitation_preview import InvitationPreview
from .invitation_read import InvitationRead
from .invitation_register import InvitationRegister
from .invitation_status import InvitationStatus
from .invitation_token import InvitationToken
from .issue_create import IssueCreate
from .issue_kind import IssueKind
from .issue_read import IssueRead
from .issue_update import IssueUpdate
from .link_type import LinkType
from .linked_evidence import LinkedEvidence
from .logout_request import LogoutRequest
from .management_review_action_create import ManagementReviewActionCreate
from .management_review_action_read import ManagementReviewActionRead
from .management_review_action_update import ManagementReviewActionUpdate
from .management_review_create import ManagementReviewCreate
from .management_review_decision_create import ManagementReviewDecisionCreate
from .management_review_decision_read import ManagementReviewDecisionRead
from .management_review_decision_update import ManagementReviewDecisionUpdate
from .management_review_detail_read import ManagementReviewDetailRead
from .management_review_detail_read_snapshot import ManagementReviewDetailReadSnapshot
from .management_review_input_read import ManagementReviewInputRead
from .management_review_input_read_prefill import ManagementReviewInputReadPrefill
from .management_review_input_update import ManagementReviewInputUpdate
from .management_review_page import ManagementReviewPage
from .management_review_read import ManagementReviewRead
from .management_review_transition import ManagementReviewTransition
from .management_review_update import ManagementReviewUpdate
from .management_reviews_list_management_reviews_format_type_0 import (
    ManagementReviewsListManagementReviewsFormatType0,
)
from .mapping_preview import MappingPreview
from .mapping_rules import MappingRules
from .mapping_rules_kinds import MappingRulesKinds
from .mapping_rules_services import MappingRulesServices
from .mapping_state import MappingState
from .matrix_cell import MatrixCell
from .matrix_course import MatrixCourse
from .matrix_coverage import MatrixCoverage
from .matrix_row import MatrixRow
from .me_read import MeRead
from .measure_status import MeasureStatus
from .measurement_create import MeasurementCreate
from .measurement_page import MeasurementPage
from .measurement_read import MeasurementRead
from .member_page import MemberPage
from .member_read import MemberRead
from .member_update import MemberUpdate
from .members_import import MembersImport
from .members_import_result import MembersImportResult
from .members_list_invitations_format_type_0 import MembersListInvitationsFormatType0
from .members_list_members_format_type_0 import MembersListMembersFormatType0
from .membership_read import MembershipRead
from .mfa_enrol_confirm import MfaEnrolConfirm
from .mfa_enrol_start import MfaEnrolStart
from .mfa_enrolled import MfaEnrolled
from .mfa_proof import MfaProof
from .mfa_status import MfaStatus
from .mfa_verify import MfaVerify
from .next_step_read import NextStepRead
from .objective_create import ObjectiveCreate
from .objective_page import ObjectivePage
from .objective_read import ObjectiveRead
from .objective_status import ObjectiveStatus
from .objective_update import ObjectiveUpdate
from .objectives_list_measurements_format_type_0 import ObjectivesListMeasurementsFormatType0
from .objectives_list_objectives_format_type_0 import ObjectivesListObjectivesFormatType0
from .operator import Operator
from .org_create import OrgCreate
from .org_page import OrgPage
from .org_read import OrgRead
from .org_sso_read import OrgSsoRead
from .org_sso_read_role_mapping import OrgSsoReadRoleMapping
from .org_sso_update import OrgSsoUpdate
from .org_sso_update_role_mapping import OrgSsoUpdateRoleMapping
from .org_update import OrgUpdate
from .orgs_list_orgs_format_type_0 import OrgsListOrgsFormatType0
from .pack_job_read import PackJobRead
from .pack_job_status import PackJobStatus
from .pack_signing_key_read import PackSigningKeyRead
from .pack_versions import PackVersions
from .parameter_read import ParameterRead
from .party_create import PartyCreate
from .party_kind import PartyKind
from .party_read import PartyRead
from .party_update import PartyUpdate
from .password_change import PasswordChange
from .password_reset_accepted import PasswordResetAccepted
from .password_reset_confirm import PasswordResetConfirm
from .password_reset_request import PasswordResetRequest
from .people_in_scope_read import PeopleInScopeRead
from .person_create import PersonCreate
from .person_in_scope_read import PersonInScopeRead
from .person_page import PersonPage
from .person_read import PersonRead
from .person_update import PersonUpdate
from .plan_create import PlanCreate
from .plan_page import PlanPage
from .plan_read import PlanRead
from .plan_update import PlanUpdate
from .preview_line import PreviewLine
from .preview_record import PreviewRecord
from .problem import Problem
from .problem_error import ProblemError
from .process_create import ProcessCreate
from .process_update import ProcessUpdate
from .provider_list import ProviderList
from .provider_read import ProviderRead
from .readiness_list_readiness_history_format_type_0 import ReadinessListReadinessHistoryFormatType0
from .readiness_read import ReadinessRead
from .readiness_settings_read import ReadinessSettingsRead
from .readiness_settings_update import ReadinessSettingsUpdate
from .readiness_settings_update_parameters import ReadinessSettingsUpdateParameters
from .readiness_settings_update_parameters_additional_property import (
    ReadinessSettingsUpdateParametersAdditionalProperty,
)
from .record_create import RecordCreate
from .record_detail import RecordDetail
from .record_import_result import RecordImportResult
from .record_kind import RecordKind
from .record_priority import RecordPriority
from .record_status import RecordStatus
from .record_update import RecordUpdate
from .recovery_codes import RecoveryCodes
from .refresh_request import RefreshRequest
from .report_create import ReportCreate
from .report_finding import ReportFinding
from .report_frequency import ReportFrequency
from .report_line import ReportLine
from .report_page import ReportPage
from .report_read import ReportRead
from .report_update import ReportUpdate
from .requirement_bulk_result import RequirementBulkResult
from .requirement_bulk_update import RequirementBulkUpdate
from .requirement_catalogue import RequirementCatalogue
from .requirement_change import RequirementChange
from .requirement_clause_summary import RequirementClauseSummary
from .requirement_detail_read import RequirementDetailRead
from .requirement_node_read import RequirementNodeRead
from .requirement_owner import RequirementOwner
from .requirement_page import RequirementPage
from .requirement_read import RequirementRead
from .requirement_status_counts import RequirementStatusCounts
from .requirement_summary_read import RequirementSummaryRead
from .requirement_update import RequirementUpdate
from .requirements_list_requirements_format_type_0 import RequirementsListRequirementsFormatType0
from .review_create import ReviewCreate
from .review_page import ReviewPage
from .review_read import ReviewRead
from .review_result import ReviewResult
from .review_status import ReviewStatus
from .review_update import ReviewUpdate
from .risk_action_create import RiskActionCreate
from .risk_action_read import RiskActionRead
from .risk_action_update import RiskActionUpdate
from .risk_cell import RiskCell
from .risk_create import RiskCreate
from .risk_heat_map import RiskHeatMap
from .risk_method_read import RiskMethodRead
from .risk_method_update import RiskMethodUpdate
from .risk_method_write import RiskMethodWrite
from .risk_page import RiskPage
from .risk_read import RiskRead
from .risk_status import RiskStatus
from .risk_update import RiskUpdate
from .risks_list_risks_format_type_0 import RisksListRisksFormatType0
from .role import Role
from .role_coverage import RoleCoverage
from .root_cause_method import RootCauseMethod
from .rule_result_read import RuleResultRead
from .rule_result_read_parameters import RuleResultReadParameters
from .rule_settings_read import RuleSettingsRead
from .sample_draw import SampleDraw
from .sample_filters import SampleFilters
from .sample_population import SamplePopulation
from .sample_read import SampleRead
from .scope_service_read import ScopeServiceRead
from .scope_services_read import ScopeServicesRead
from .scope_services_update import ScopeServicesUpdate
from .secret_rotation import SecretRotation
from .service_create import ServiceCreate
from .service_customer_read import ServiceCustomerRead
from .service_page import ServicePage
from .service_process_read import ServiceProcessRead
from .service_read import ServiceRead
from .service_reports_list_produced_reports_format_type_0 import (
    ServiceReportsListProducedReportsFormatType0,
)
from .service_reports_list_report_definitions_format_type_0 import (
    ServiceReportsListReportDefinitionsFormatType0,
)
from .service_status import ServiceStatus
from .service_transition import ServiceTransition
from .service_update import ServiceUpdate
from .services_list_services_format_type_0 import ServicesListServicesFormatType0
from .setup_request import SetupRequest
from .setup_result import SetupResult
from .setup_status import SetupStatus
from .severity import Severity
from .snapshot_page import SnapshotPage
from .snapshot_read import SnapshotRead
from .snapshot_trigger import SnapshotTrigger
from .source_type import SourceType
from .sso_exchange import SsoExchange
from .statement_create import StatementCreate
from .statement_move import StatementMove
from .statement_page import StatementPage
from .statement_read import StatementRead
from .statement_status import StatementStatus
from .statement_update import StatementUpdate
from .status_counts import StatusCounts
from .supplier_create import SupplierCreate
from .supplier_evidence_create import SupplierEvidenceCreate
from .supplier_evidence_page import SupplierEvidencePage
from .supplier_evidence_read import SupplierEvidenceRead
from .supplier_kind import SupplierKind
from .supplier_page import SupplierPage
from .supplier_read import SupplierRead
from .supplier_status import SupplierStatus
from .supplier_update import SupplierUpdate
from .suppliers_list_reviews_format_type_0 import SuppliersListReviewsFormatType0
from .suppliers_list_statements_format_type_0 import SuppliersListStatementsFormatType0
from .suppliers_list_supplier_evidence_format_type_0 import SuppliersListSupplierEvidenceFormatType0
from .suppliers_list_suppliers_format_type_0 import SuppliersListSuppliersFormatType0
from .target_create import TargetCreate
from .target_read import TargetRead
from .target_update import TargetUpdate
from .test_create import TestCreate
from .test_page import TestPage
from .test_read import TestRead
from .test_result import TestResult
from .test_update import TestUpdate
from .token_pair import TokenPair
from .token_scope import TokenScope
from .tokens_list_tokens_format_type_0 import TokensListTokensFormatType0
from .topic_link import TopicLink
from .totp_enrolment import TotpEnrolment
from .training_import_training_records_files_body import TrainingImportTrainingRecordsFilesBody
from .training_list_competence_requirements_format_type_0 import (
    TrainingListCompetenceRequirementsFormatType0,
)
from .training_list_courses_format_type_0 import TrainingListCoursesFormatType0
from .training_list_training_people_format_type_0 import TrainingListTrainingPeopleFormatType0
from .training_list_training_records_format_type_0 import TrainingListTrainingRecordsFormatType0
from .training_matrix import TrainingMatrix
from .training_record_page import TrainingRecordPage
from .training_record_read import TrainingRecordRead
from .treatment import Treatment
from .user_read import UserRead
from .verification_create import VerificationCreate
from .verification_page import VerificationPage
from .verification_result import VerificationResult
from .verification_update import VerificationUpdate
from .version import Version

__all__ = (
    "Action",
    "ActionStatus",
    "ActivityListActivityFormatType0",
    "ActivityPage",
    "ActivityRead",
    "ActivityReadAfterType0",
    "ActivityReadBeforeType0",
    "AdminCreate",
    "AgreementCreate",
    "AgreementPage",
    "AgreementRead",
    "AgreementsListAgreementsFormatType0",
    "AgreementStatus",
    "AgreementType",
    "AgreementUpdate",
    "ApiTokenCreate",
    "ApiTokenCreated",
    "ApiTokenPage",
    "ApiTokenRead",
    "AssessableFilter",
    "Attendee",
    "AuditChecklistRead",
    "AuditCoverageRead",
    "AuditCreate",
    "AuditDetailRead",
    "AuditPage",
    "AuditProgrammeCreate",
    "AuditProgrammePage",
    "AuditProgrammeRead",
    "AuditProgrammesListAuditProgrammesFormatType0",
    "AuditProgrammeUpdate",
    "AuditRead",
    "AuditReportRead",
    "AuditsListAuditsFormatType0",
    "AuditStatus",
    "AuditTeamEntry",
    "AuditTransition",
    "AuditType",
    "AuditUpdate",
    "BodyAuthCreateToken",
    "CatalogueView",
    "CellState",
    "ChecklistCounts",
    "ChecklistLineRead",
    "ChecklistLineUpdate",
    "ChecklistResult",
    "CiCreate",
    "CiImportResult",
    "CiPage",
    "CiRead",
    "CiStatus",
    "CiUpdate",
    "ClauseRead",
    "ClauseResults",
    "CodeConfirm",
    "CompetenceRequirementCreate",
    "CompetenceRequirementPage",
    "CompetenceRequirementRead",
    "ConfigurationImportConfigurationItemsFilesBody",
    "ConfigurationListCmdbVerificationsFormatType0",
    "ConfigurationListConfigurationItemsFormatType0",
    "ConfigurationVerificationRead",
    "ContextCreate",
    "ContextRead",
    "ContextUpdate",
    "ContinuityListContinuityPlansFormatType0",
    "ContinuityListContinuityTestsFormatType0",
    "CorrectiveActionCreate",
    "CorrectiveActionRead",
    "CorrectiveActionUpdate",
    "CorrectiveMeasureCreate",
    "CorrectiveMeasurePage",
    "CorrectiveMeasureRead",
    "CorrectiveMeasuresListCorrectiveMeasuresFormatType0",
    "CorrectiveMeasureTransition",
    "CorrectiveMeasureUpdate",
    "CourseCreate",
    "CourseKind",
    "CoursePage",
    "CourseRead",
    "CourseUpdate",
    "Coverage",
    "CoverageLine",
    "Criticality",
    "CurrentTokenRead",
    "CursorPage",
    "CustomerCreate",
    "CustomerKind",
    "CustomerPage",
    "CustomerRead",
    "CustomersListCustomersFormatType0",
    "CustomerUpdate",
    "DecisionKind",
    "DefinitionCreate",
    "DefinitionPage",
    "DefinitionRead",
    "DefinitionUpdate",
    "Delivery",
    "DeliveryDetail",
    "DeliveryDetailHeaders",
    "DeliveryPage",
    "DeliveryRead",
    "DemoResult",
    "Direction",
    "DocumentedInformationCatalogue",
    "DocumentedInformationKind",
    "DocumentedInformationRead",
    "DownloadTicketCreate",
    "DownloadTicketRead",
    "EffectivenessResult",
    "EffectivenessReviewCreate",
    "EffectivenessReviewRead",
    "EvaluationMethod",
    "EvidenceAddEvidenceVersionBody",
    "EvidenceArchive",
    "EvidenceCreateEvidenceFilesBody",
    "EvidenceCreateEvidenceJsonEvidenceCreate",
    "EvidenceKind",
    "EvidenceListEvidenceFormatType0",
    "EvidenceListEvidenceVersionsFormatType0",
    "EvidencePage",
    "EvidenceRead",
    "EvidenceStatus",
    "EvidenceTransition",
    "EvidenceUpdate",
    "EvidenceVerificationRead",
    "EvidenceVersionPage",
    "EvidenceVersionRead",
    "ExportsExportOscalAssessmentResultsResponse200",
    "ExportsExportOscalCatalogResponse200",
    "ExportsExportOscalPoamResponse200",
    "ExtraTopic",
    "FailingObjectRead",
    "FindingClosure",
    "FindingConsequence",
    "FindingCreate",
    "FindingGrade",
    "FindingMeasure",
    "FindingPage",
    "FindingRead",
    "FindingsListFindingsFormatType0",
    "FindingSource",
    "FindingStatus",
    "FindingTransition",
    "FindingUpdate",
    "FrameworkPage",
    "FrameworkRead",
    "FrameworksListFrameworksFormatType0",
    "Frequency",
    "Gate",
    "GateRead",
    "GatesRead",
    "Health",
    "HookAccepted",
    "ImplementationStatus",
    "IntegrationCreate",
    "IntegrationPage",
    "IntegrationRead",
    "IntegrationSecret",
    "IntegrationsListIntegrationsFormatType0",
    "IntegrationsRecordPage",
    "IntegrationsRecordRead",
    "IntegrationUpdate",
    "IntegrityStatus",
    "InvitationAccepted",
    "InvitationCreate",
    "InvitationCreated",
    "InvitationPage",
    "InvitationPreview",
    "InvitationRead",
    "InvitationRegister",
    "InvitationStatus",
    "InvitationToken",
    "IssueCreate",
    "IssueKind",
    "IssueRead",
    "IssueUpdate",
    "LinkedEvidence",
    "LinkType",
    "LogoutRequest",
    "ManagementReviewActionCreate",
    "ManagementReviewActionRead",
    "ManagementReviewActionUpdate",
    "ManagementReviewCreate",
    "ManagementReviewDecisionCreate",
    "ManagementReviewDecisionRead",
    "ManagementReviewDecisionUpdate",
    "ManagementReviewDetailRead",
    "ManagementReviewDetailReadSnapshot",
    "ManagementReviewInputRead",
    "ManagementReviewInputReadPrefill",
    "ManagementReviewInputUpdate",
    "ManagementReviewPage",
    "ManagementReviewRead",
    "ManagementReviewsListManagementReviewsFormatType0",
    "ManagementReviewTransition",
    "ManagementReviewUpdate",
    "MappingPreview",
    "MappingRules",
    "MappingRulesKinds",
    "MappingRulesServices",
    "MappingState",
    "MatrixCell",
    "MatrixCourse",
    "MatrixCoverage",
    "MatrixRow",
    "MeasurementCreate",
    "MeasurementPage",
    "MeasurementRead",
    "MeasureStatus",
    "MemberPage",
    "MemberRead",
    "MembershipRead",
    "MembersImport",
    "MembersImportResult",
    "MembersListInvitationsFormatType0",
    "MembersListMembersFormatType0",
    "MemberUpdate",
    "MeRead",
    "MfaEnrolConfirm",
    "MfaEnrolled",
    "MfaEnrolStart",
    "MfaProof",
    "MfaStatus",
    "MfaVerify",
    "NextStepRead",
    "ObjectiveCreate",
    "ObjectivePage",
    "ObjectiveRead",
    "ObjectivesListMeasurementsFormatType0",
    "ObjectivesListObjectivesFormatType0",
    "ObjectiveStatus",
    "ObjectiveUpdate",
    "Operator",
    "OrgCreate",
    "OrgPage",
    "OrgRead",
    "OrgsListOrgsFormatType0",
    "OrgSsoRead",
    "OrgSsoReadRoleMapping",
    "OrgSsoUpdate",
    "OrgSsoUpdateRoleMapping",
    "OrgUpdate",
    "PackJobRead",
    "PackJobStatus",
    "PackSigningKeyRead",
    "PackVersions",
    "ParameterRead",
    "PartyCreate",
    "PartyKind",
    "PartyRead",
    "PartyUpdate",
    "PasswordChange",
    "PasswordResetAccepted",
    "PasswordResetConfirm",
    "PasswordResetRequest",
    "PeopleInScopeRead",
    "PersonCreate",
    "PersonInScopeRead",
    "PersonPage",
    "PersonRead",
    "PersonUpdate",
    "PlanCreate",
    "PlanPage",
    "PlanRead",
    "PlanUpdate",
    "PreviewLine",
    "PreviewRecord",
    "Problem",
    "ProblemError",
    "ProcessCreate",
    "ProcessUpdate",
    "ProviderList",
    "ProviderRead",
    "ReadinessListReadinessHistoryFormatType0",
    "ReadinessRead",
    "ReadinessSettingsRead",
    "ReadinessSettingsUpdate",
    "ReadinessSettingsUpdateParameters",
    "ReadinessSettingsUpdateParametersAdditionalProperty",
    "RecordCreate",
    "RecordDetail",
    "RecordImportResult",
    "RecordKind",
    "RecordPriority",
    "RecordStatus",
    "RecordUpdate",
    "RecoveryCodes",
    "RefreshRequest",
    "ReportCreate",
    "ReportFinding",
    "ReportFrequency",
    "ReportLine",
    "ReportPage",
    "ReportRead",
    "ReportUpdate",
    "RequirementBulkResult",
    "RequirementBulkUpdate",
    "RequirementCatalogue",
    "RequirementChange",
    "RequirementClauseSummary",
    "RequirementDetailRead",
    "RequirementNodeRead",
    "RequirementOwner",
    "RequirementPage",
    "RequirementRead",
    "RequirementsListRequirementsFormatType0",
    "RequirementStatusCounts",
    "RequirementSummaryRead",
    "RequirementUpdate",
    "ReviewCreate",
    "ReviewPage",
    "ReviewRead",
    "ReviewResult",
    "ReviewStatus",
    "ReviewUpdate",
    "RiskActionCreate",
    "RiskActionRead",
    "RiskActionUpdate",
    "RiskCell",
    "RiskCreate",
    "RiskHeatMap",
    "RiskMethodRead",
    "RiskMethodUpdate",
    "RiskMethodWrite",
    "RiskPage",
    "RiskRead",
    "RisksListRisksFormatType0",
    "RiskStatus",
    "RiskUpdate",
    "Role",
    "RoleCoverage",
    "RootCauseMethod",
    "RuleResultRead",
    "RuleResultReadParameters",
    "RuleSettingsRead",
    "SampleDraw",
    "SampleFilters",
    "SamplePopulation",
    "SampleRead",
    "ScopeServiceRead",
    "ScopeServicesRead",
    "ScopeServicesUpdate",
    "SecretRotation",
    "ServiceCreate",
    "ServiceCustomerRead",
    "ServicePage",
    "ServiceProcessRead",
    "ServiceRead",
    "ServiceReportsListProducedReportsFormatType0",
    "ServiceReportsListReportDefinitionsFormatType0",
    "ServicesListServicesFormatType0",
    "ServiceStatus",
    "ServiceTransition",
    "ServiceUpdate",
    "SetupRequest",
    "SetupResult",
    "SetupStatus",
    "Severity",
    "SnapshotPage",
    "SnapshotRead",
    "SnapshotTrigger",
    "SourceType",
    "SsoExchange",
    "StatementCreate",
    "StatementMove",
    "StatementPage",
    "StatementRead",
    "StatementStatus",
    "StatementUpdate",
    "StatusCounts",
    "SupplierCreate",
    "SupplierEvidenceCreate",
    "SupplierEvidencePage",
    "SupplierEvidenceRead",
    "SupplierKind",
    "SupplierPage",
    "SupplierRead",
    "SuppliersListReviewsFormatType0",
    "SuppliersListStatementsFormatType0",
    "SuppliersListSupplierEvidenceFormatType0",
    "SuppliersListSuppliersFormatType0",
    "SupplierStatus",
    "SupplierUpdate",
    "TargetCreate",
    "TargetRead",
    "TargetUpdate",
    "TestCreate",
    "TestPage",
    "TestRead",
    "TestResult",
    "TestUpdate",
    "TokenPair",
    "TokenScope",
    "TokensListTokensFormatType0",
    "TopicLink",
    "TotpEnrolment",
    "TrainingImportTrainingRecordsFilesBody",
    "TrainingListCompetenceRequirementsFormatType0",
    "TrainingListCoursesFormatType0",
    "TrainingListTrainingPeopleFormatType0",
    "TrainingListTrainingRecordsFormatType0",
    "TrainingMatrix",
    "TrainingRecordPage",
    "TrainingRecordRead",
    "Treatment",
    "UserRead",
    "VerificationCreate",
    "VerificationPage",
    "VerificationResult",
    "VerificationUpdate",
    "Version",
)
