/** Enumerations of the Tomorrow Learning Card (국민내일배움카드), registered once for type-graphql. */
import { registerEnumType } from "type-graphql";

export enum LearningCardStatus {
  ACTIVE = "ACTIVE",
  EXPIRED = "EXPIRED",
  SUSPENDED = "SUSPENDED",
}
registerEnumType(LearningCardStatus, {
  name: "LearningCardStatus",
  description: "State of a Tomorrow Learning Card (국민내일배움카드).",
  valuesConfig: {
    ACTIVE: { description: "Valid: training can be charged to the card." },
    EXPIRED: { description: "Past its 5-year validity; the unused balance has lapsed (a new card can be issued)." },
    SUSPENDED: { description: "Suspended by the employment center (e.g. after improper use); nothing can be charged." },
  },
});

export enum TrainingEnrollmentStatus {
  ENROLLED = "ENROLLED",
  COMPLETED = "COMPLETED",
  DROPPED = "DROPPED",
}
registerEnumType(TrainingEnrollmentStatus, {
  name: "TrainingEnrollmentStatus",
  description: "Where a trainee stands in a training course paid with the Tomorrow Learning Card.",
  valuesConfig: {
    ENROLLED: { description: "In training now (수강 중)." },
    COMPLETED: { description: "Finished the course (수료)." },
    DROPPED: { description: "Left the course before the end (중도 탈락); its charge does not count against the grant." },
  },
});
