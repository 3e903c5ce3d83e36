// The validation module's service: school affiliations, the NSS queue and decisions, support roles.
export {
  rolesOf,
  isValidated,
  affiliationsOf,
  requestAffiliation,
  changeSchool,
  leaveSchool,
} from './use-cases/affiliations.ts';
export { validationQueue, affiliationDetail, canHandle } from './use-cases/queue.ts';
export { decide, confirmRegionally, headTeacherRequest, confirmByHeadTeacher } from './use-cases/decisions.ts';
export {
  grantNssOfficer,
  grantRegionalCoordinator,
  grantCssOfficerFromCommandLine,
  revokeRole,
  listNssOfficers,
  listRegionalCoordinators,
  chooseRegionalStep,
  revokeRolesOf,
} from './use-cases/roles.ts';
