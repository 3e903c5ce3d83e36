// The projects module's service (R-PRJ-1..5): founding, the lifecycle, membership, queues, the gallery.
import './projects.privacy.ts';
export { foundProject, updateDraft, discardDraft, submitProject, missingFields } from './use-cases/found.ts';
export {
  acceptAsCofounder,
  declineAsCofounder,
  consentForRegion,
  approveProject,
  rejectProject,
  closeProject,
  archiveClosedProjects,
  schoolYearOf,
} from './use-cases/decide.ts';
export { invitePartner, answerInvitation, leaveProject, removeMember, setListed } from './use-cases/membership.ts';
export { getProject, myProjects } from './use-cases/read.ts';
export { projectQueue } from './use-cases/queue.ts';
export { listGallery, publicProject, projectMap } from './gallery.service.ts';
