/** Enumerations of the Mid-Career Career Support Program (중장년 경력지원제), registered once for type-graphql. */
import { registerEnumType } from "type-graphql";

export enum CareerDesignSessionKind {
  LIFETIME_CAREER_DESIGN = "LIFETIME_CAREER_DESIGN",
  OUTPLACEMENT = "OUTPLACEMENT",
  JOB_SEARCH_SKILLS = "JOB_SEARCH_SKILLS",
}
registerEnumType(CareerDesignSessionKind, {
  name: "CareerDesignSessionKind",
  description: "What a Mid-Career Tomorrow Center (중장년내일센터) session covered.",
  valuesConfig: {
    LIFETIME_CAREER_DESIGN: { description: "Lifetime career design (생애경력설계): reviewing one's career and planning the next one." },
    OUTPLACEMENT: { description: "Outplacement support (전직지원) for people leaving or about to leave their main job." },
    JOB_SEARCH_SKILLS: { description: "Job search skills (취업역량 강화): CV, interview and job-search practice." },
  },
});

export enum WorkExperienceStatus {
  PLANNED = "PLANNED",
  IN_PROGRESS = "IN_PROGRESS",
  COMPLETED = "COMPLETED",
  DROPPED = "DROPPED",
}
registerEnumType(WorkExperienceStatus, {
  name: "WorkExperienceStatus",
  description: "Where a work experience placement (경력지원제 현장 경험) stands on the date the records were taken.",
  valuesConfig: {
    PLANNED: { description: "Agreed with the host company but not started yet (start date after the records' date)." },
    IN_PROGRESS: { description: "Under way: started, and the planned last day is not yet past." },
    COMPLETED: { description: "Finished as planned (1 to 3 months on site)." },
    DROPPED: { description: "Left before the planned end (중도 탈락); the end date is the last day on site." },
  },
});
