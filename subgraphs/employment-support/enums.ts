/** Enumerations of the NESS subgraph. */
import { registerEnumType } from "type-graphql";

export enum NessTrack {
  TYPE_I = "TYPE_I",
  TYPE_II = "TYPE_II",
}
registerEnumType(NessTrack, {
  name: "NessTrack",
  description: "NESS support type.",
  valuesConfig: {
    TYPE_I: { description: "Type I (I유형): means-tested, with the job-seeking allowance." },
    TYPE_II: { description: "Type II (II유형): youth, mid-career and specific groups; participation allowance." },
  },
});

export enum NessTrackRoute {
  SCREENED = "SCREENED",
  SELECTED = "SELECTED",
  YOUTH = "YOUTH",
  MID_CAREER = "MID_CAREER",
}
registerEnumType(NessTrackRoute, {
  name: "NessTrackRoute",
  description: "How the person entered the track.",
  valuesConfig: {
    SCREENED: { description: "Type I, screened (요건심사형): income, assets and work experience met." },
    SELECTED: { description: "Type I, selected (선발형): income and assets met without the work experience." },
    YOUTH: { description: "Type II youth (청년)." },
    MID_CAREER: { description: "Type II mid-career (중장년), 35-69." },
  },
});

export enum NessEnrollmentStatus {
  APPLIED = "APPLIED",
  REJECTED = "REJECTED",
  IN_PROGRESS = "IN_PROGRESS",
  COMPLETED = "COMPLETED",
  DROPPED = "DROPPED",
}
registerEnumType(NessEnrollmentStatus, {
  name: "NessEnrollmentStatus",
  description: "Status of a NESS enrollment.",
  valuesConfig: {
    APPLIED: { description: "Applied; eligibility not yet decided." },
    REJECTED: { description: "Found not eligible." },
    IN_PROGRESS: { description: "Taking part." },
    COMPLETED: { description: "Finished, including follow-up." },
    DROPPED: { description: "Left early, or stopped for not doing the plan's activities." },
  },
});

export enum NessStage {
  APPLICATION = "APPLICATION",
  COUNSELLING_AND_IAP = "COUNSELLING_AND_IAP",
  JOB_SEARCH_SERVICES = "JOB_SEARCH_SERVICES",
  FOLLOW_UP = "FOLLOW_UP",
  CLOSED = "CLOSED",
}
registerEnumType(NessStage, {
  name: "NessStage",
  description: "Stage of the NESS process: application, counselling and plan, job search services, follow-up.",
  valuesConfig: {
    APPLICATION: { description: "Application and eligibility decision." },
    COUNSELLING_AND_IAP: { description: "Counselling and the Individual Action Plan (취업활동계획)." },
    JOB_SEARCH_SERVICES: { description: "Job search services, 1 year (extendable by 6 months)." },
    FOLLOW_UP: { description: "Follow-up, up to 3 months." },
    CLOSED: { description: "Closed." },
  },
});

export enum NessPaymentKind {
  JOB_SEEKING_ALLOWANCE = "JOB_SEEKING_ALLOWANCE",
  PARTICIPATION_ALLOWANCE = "PARTICIPATION_ALLOWANCE",
  SUCCESS_ALLOWANCE = "SUCCESS_ALLOWANCE",
}
registerEnumType(NessPaymentKind, {
  name: "NessPaymentKind",
  description: "Kind of NESS payment.",
  valuesConfig: {
    JOB_SEEKING_ALLOWANCE: { description: "Job-seeking allowance (구직촉진수당), Type I, monthly." },
    PARTICIPATION_ALLOWANCE: { description: "Type II participation allowance, once the plan is set." },
    SUCCESS_ALLOWANCE: { description: "Employment success allowance (취업성공수당)." },
  },
});
