import type { SeedProgress } from '../../common/live';
import type { AttachmentService } from './attachmentService';
import type { AuditService } from './auditService';
import type { CaseService } from './caseService';
import type { CustomerService } from './customerService';
import type { SlaService } from './slaService';
import type { SupportService } from './supportService';
import type { TimelineService } from './timelineService';
import type { AgentRecord, ConversationRecord } from '../ports/ticketStore';

/** Everything the api layer may call. Built once by the composition root (backend/app.ts). */
export interface Services {
  customers: CustomerService;
  timeline: TimelineService;
  cases: CaseService;
  support: SupportService;
  /** SLA reports, drill-downs, at-risk queue and workload (issue 10). */
  sla: SlaService;
  /** Case attachments (Objects port) and notes sync (NotesSync port); UNAVAILABLE in embedded mode. */
  attachments: AttachmentService;
  /** The append-only audit trail (support_agent_activity): sign-in/out, customer reads, unmasks, case actions. */
  audit: AuditService;
  /** Demo agents for the embedded sign-in screen. */
  listAgents(): Promise<AgentRecord[]>;
  seedStatus(): SeedProgress;
  ticketMessages(ticketId: string): Promise<ConversationRecord[]>;
}
