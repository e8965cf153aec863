// The public API of @pobratym/core, as named re-exports. Deep imports are not supported; the demo
// dataset is the one other entry, @pobratym/core/demo (src/demo.ts).

// API contract: access and profile edits — section owned by the API access work
export {
  AcceptInviteInput,
  CreateInviteInput,
  EmailAddress,
  Invite,
  NewPassword,
  Session,
  SignInInput,
  User,
  UserRole,
} from "./contract/auth";
// API contract: catalogue reads and imports — section owned by the API foundation work
export {
  EditedMunicipality,
  ImportIssueSummary,
  ImportSummary,
  MunicipalityFeature,
  MunicipalityFeatureCollection,
  MunicipalityProfile,
  PublicMunicipality,
  ReferenceImportList,
  ReferenceImportRecord,
  ReferenceImportReport,
  SituationChangeSummary,
} from "./contract/catalogue";
export {
  ConferenceDetail,
  ConferenceList,
  ConferenceOutcomes,
  ConferenceOutcomesInput,
  ConferenceParticipantsInput,
  ConferenceScheduleView,
  ConferenceStatus,
  ConferenceSummary,
  ConferenceWish,
  ConferenceWishesInput,
  CreateConferenceInput,
  MeetingOutcome,
  ScheduleConferenceInput,
  ScheduledMeeting,
} from "./contract/conferences";
// API contract (shared by the API, the dashboard and npm users)
export {
  Health,
  MunicipalityListQuery,
  MunicipalityPage,
  MunicipalitySummary,
  Page,
  Problem,
} from "./contract/http";
export type { DescribedIssue, IssueParams } from "./contract/issues";
export { describeIssue, IssueCode } from "./contract/issues";
// API contract: partnerships, ties and statistics — section owned by the API workflow work
export {
  PartnershipDetail,
  PartnershipListQuery,
  PartnershipPage,
  PartnershipParty,
  PartnershipSummary,
} from "./contract/partnerships";
export {
  Contact,
  ContactInput,
  CreateMunicipalityInput,
  EraseRequest,
  ErasureSummary,
  PersonalDataExport,
  QuestionnaireStatus,
  QuestionnaireSubmission,
  ReviewQuestionnaireInput,
  UpdateContactInput,
  UpdateMunicipalityInput,
  UpdateNeedInput,
  UpdateOfferInput,
  VersionedNeed,
  VersionedOffer,
} from "./contract/profile-edits";
export type { MatchCandidate } from "./contract/questionnaire-review";
export {
  ApproveQuestionnaireInput,
  ProfileChange,
  profileChanges,
  QuestionnaireMismatch,
  QuestionnaireReview,
  questionnaireMismatches,
} from "./contract/questionnaire-review";
export {
  AcceptRoundInput,
  AcceptRoundResult,
  CreateRoundInput,
  PairInput,
  ProposalStatus,
  RoundDetail,
  RoundHromadaFilter,
  RoundList,
  RoundPartnerFilter,
  RoundProposal,
  RoundResultSummary,
  RoundSummary,
} from "./contract/rounds";
export {
  OblastCoverage,
  SparePartner,
  Statistics,
  StatisticsRows,
  StatisticsTable,
  StatisticsTableQuery,
  WaitingHromada,
} from "./contract/statistics";
// API contract: suggestions, rounds and conferences — section owned by the API matching work
export {
  ExplainedComponent,
  LeftOutCodeSchema,
  LeftOutCountSchema,
  MatchingSettingsSchema,
  MatchParty,
  PairFlagSchema,
  ScoreComponentCodeSchema,
  SuggestionItem,
  SuggestionList,
  SuggestionsQuery,
} from "./contract/suggestions";
export {
  TieListQuery,
  TiePage,
  TieReview,
  TieReviewQuery,
  TieSummary,
  UpdateTieInput,
} from "./contract/ties";
// the partnerships named in public reporting, as facts (the demo dataset is `@pobratym/core/demo`)
export { REPORTED_PARTNERSHIPS } from "./demo/reported-partnerships";
export type { CoreErrorCode, Result } from "./errors";
// errors
export { CoreError, IllegalTransitionError, InvalidInputError } from "./errors";
export {
  ATTRIBUTION_ROW,
  ATTRIBUTION_ROW_PREFIX,
  isAttributionRow,
  REFERENCE_ATTRIBUTION,
} from "./import/attribution";
export type { CsvError, CsvErrorCode, CsvRecord, CsvTable } from "./import/csv";
// import (CSV reference catalogue) — section owned by the search/import work
export { parseCsv } from "./import/csv";
export type { CsvInput } from "./import/decode";
export { checkReferenceFiles } from "./import/file-checks";
export type { ImportHromadasOptions } from "./import/hromadas";
export { importHromadas, situationFromWarStatus } from "./import/hromadas";
export { REFERENCE_IMPORTER_VERSION } from "./import/importer-version";
export type { ImportIssue, ImportIssueCode, ImportResult } from "./import/issues";
export {
  importNorwegianMunicipalities,
  importSwedishMunicipalities,
  NO_DEFAULT_POPULATION_YEAR,
} from "./import/partners";
export type { FileCount, ReferenceFiles, ReferenceImport } from "./import/reference";
export { importReferenceFiles, REFERENCE_FILE_NAMES } from "./import/reference";
export type { ImportTwinningsOptions } from "./import/twinnings";
export { importTwinnings } from "./import/twinnings";
export type { AssignmentResult, ExtraEdges } from "./matching/assignment";
// matching: exact capacitated assignment (min-cost flow)
export { solveAssignment, verifyPruning } from "./matching/assignment";
export type { DecisiveComponent } from "./matching/decisive";
export { markDecisive } from "./matching/decisive";
export type { BipartiteGraph } from "./matching/edge-colouring";
export { equitableEdgeColouring } from "./matching/edge-colouring";
export type { LeftOutCode, LeftOutCount } from "./matching/left-out";
export { countLeftOut, municipalityLeftOut } from "./matching/left-out";
export type {
  PlanRoundOptions,
  PruningReport,
  RoundPair,
  RoundPlan,
  StabilityReport,
} from "./matching/plan-round";
export { planRound } from "./matching/plan-round";
export type {
  HromadaProfile,
  MatchingPolicy,
  MatchingProfile,
  PairRef,
  PartnerProfile,
} from "./matching/profiles";
// matching: scoring, suggestions and national rounds
export { isHromadaProfile } from "./matching/profiles";
export type {
  ConferenceInput,
  ConferenceParticipant,
  ConferenceSchedule,
  Meeting,
  MutualInterest,
  ParticipantMeetings,
  UnmetMinimum,
} from "./matching/schedule";
export { scheduleConference } from "./matching/schedule";
export type {
  ExcludedPair,
  Exclusion,
  ExclusionCode,
  PairFlag,
  PairScore,
  PartnerBatch,
  PreferenceOutcome,
  PreparedHromada,
  PreparedPartner,
  ScoreComponent,
  ScoreComponentCode,
  ScoreComponentData,
  ScoredPair,
  ScoreOptions,
  Scorer,
  ThematicMatch,
} from "./matching/score";
export {
  compileScorer,
  EXCLUDED_SCORE,
  HOSTING_FULL_DISPLACED,
  HOSTING_FULL_SHARE,
  SMALL_HROMADA_POPULATION,
  scorePair,
} from "./matching/score";
export type { StableMatching, StableOptions } from "./matching/stable";
// matching: stable matching and conference schedules
export { deferredAcceptance, findBlockingPairs, validateStableProblem } from "./matching/stable";
export type { Suggestion, SuggestOptions } from "./matching/suggest";
export { suggestPartners, TopK } from "./matching/suggest";
// matching — section owned by the matching work
export type {
  AssignmentOptions,
  AssignmentProblem,
  AssignmentSolution,
  StableProblem,
} from "./matching/types";
export type { ScoreWeights } from "./matching/weights";
export { DEFAULT_WEIGHTS, resolveWeights } from "./matching/weights";
// model
export {
  Coordinates,
  CountryCode,
  Id,
  IsoDate,
  IsoDateTime,
  isCountryCode,
  LanguageCode,
  REVIEW_COUNTRIES,
} from "./model/common";
export { ContactPerson } from "./model/contact";
export { effectiveSituation, recordHandEdits } from "./model/hand-edits";
export {
  HandEdits,
  Hromada,
  HromadaSituation,
  HromadaType,
  Municipality,
  MunicipalityKind,
  MunicipalityNames,
  municipalityId,
  officialCodeProblem,
  Partner,
  ProfileStatus,
  Region,
  SizePreference,
} from "./model/municipality";
export {
  CreateNeedInput,
  NEED_PRIORITY_WEIGHT,
  Need,
  NeedHorizon,
  NeedPriority,
  NeedStatus,
  Quantity,
} from "./model/need";
export {
  CreateOfferInput,
  EXPERIENCE_WEIGHT,
  ExperienceLevel,
  Offer,
  OfferResource,
} from "./model/offer";
export {
  AgreementType,
  CreatePartnershipInput,
  changeStage,
  FundingSource,
  isDormant,
  MovePartnershipInput,
  Partnership,
  StageEvent,
} from "./model/partnership";
export type { QuestionnaireInput } from "./model/questionnaire";
export { Questionnaire, questionnaireToProfile, SIZE_BANDS } from "./model/questionnaire";
export {
  CreateTieInput,
  countsAsPartnership,
  isReviewCountryTie,
  needsReview,
  Tie,
  TieStatus,
  TieType,
} from "./model/tie";
export { municipalitySearchKeys, searchNames } from "./search/names";
// search (normaliser) — section owned by the search/import work
export type { SearchHit } from "./search/normalise";
export {
  compareSearchHits,
  matchesSearch,
  searchKey,
  searchKeys,
  searchKeyVariants,
  searchRank,
  searchRankOfKeys,
} from "./search/normalise";
export type { CooperationAreaGroup } from "./taxonomy/cooperation-areas";
export {
  COOPERATION_AREAS,
  CooperationAreaCode,
  cooperationAreaGroup,
  cooperationAreaLabel,
  isCooperationAreaCode,
} from "./taxonomy/cooperation-areas";
export type { Labels, Locale } from "./taxonomy/labels";
// taxonomy
export { LOCALES } from "./taxonomy/labels";
export {
  SITUATION_CATEGORIES,
  SituationCategory,
  SituationZone,
  situationLabel,
  situationZone,
} from "./taxonomy/situations";
export {
  allowedMoves,
  canMove,
  isForwardMove,
  moveStage,
  STAGES,
  Stage,
  stageLabel,
} from "./taxonomy/stages";
