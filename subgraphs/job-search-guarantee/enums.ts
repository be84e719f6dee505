/** Enumerations of the Job Search Guarantee Package (구직자 도약보장패키지), registered once for type-graphql. */
import { registerEnumType } from "type-graphql";

export enum GuaranteeParticipationStatus {
  ACTIVE = "ACTIVE",
  COMPLETED = "COMPLETED",
  DROPPED = "DROPPED",
}
registerEnumType(GuaranteeParticipationStatus, {
  name: "GuaranteeParticipationStatus",
  description: "Where a participation in the Job Search Guarantee Package stands.",
  valuesConfig: {
    ACTIVE: { description: "Under way: one of the service phases is open (no end date yet)." },
    COMPLETED: { description: "All three service phases finished (진행 완료); follow-up may still run." },
    DROPPED: { description: "Left before finishing the service phases (중도 탈락)." },
  },
});

export enum GuaranteePhaseKind {
  DIAGNOSIS = "DIAGNOSIS",
  CAREER_DESIGN = "CAREER_DESIGN",
  JOB_SUPPORT = "JOB_SUPPORT",
  FOLLOW_UP = "FOLLOW_UP",
  CLOSED = "CLOSED",
}
registerEnumType(GuaranteePhaseKind, {
  name: "GuaranteePhaseKind",
  description:
    "Stage of the package. Phase records only ever carry the three service phases (DIAGNOSIS, CAREER_DESIGN, JOB_SUPPORT); " +
    "FOLLOW_UP and CLOSED appear only as a participation's current phase.",
  valuesConfig: {
    DIAGNOSIS: { description: "Diagnosis (진단), with the AI tool JobCare (잡케어)." },
    CAREER_DESIGN: { description: "In-depth career design (심층 경력설계): one-to-one counselling, about 50 minutes a session." },
    JOB_SUPPORT: { description: "Tailored job support (맞춤형 취업지원): CV clinic, interview coaching, placement." },
    FOLLOW_UP: { description: "Follow-up after the service phases finished (사후관리); an assumption, the published stages name no follow-up." },
    CLOSED: { description: "Nothing more is running: dropped, or completed and past follow-up." },
  },
});

export enum GuaranteeEmploymentType {
  PERMANENT = "PERMANENT",
  FIXED_TERM = "FIXED_TERM",
  PART_TIME = "PART_TIME",
}
registerEnumType(GuaranteeEmploymentType, {
  name: "GuaranteeEmploymentType",
  description: "Kind of job a participant was placed in.",
  valuesConfig: {
    PERMANENT: { description: "Open-ended full-time job (정규직)." },
    FIXED_TERM: { description: "Fixed-term contract (계약직)." },
    PART_TIME: { description: "Part-time job (시간제)." },
  },
});

export enum GuaranteeCenterCohort {
  PILOT_2022 = "PILOT_2022",
  EXPANSION_2023 = "EXPANSION_2023",
  EXPANSION_LATER = "EXPANSION_LATER",
}
registerEnumType(GuaranteeCenterCohort, {
  name: "GuaranteeCenterCohort",
  description: "When an employment center started running the package.",
  valuesConfig: {
    PILOT_2022: { description: "The pilot from 2022-08-19 at 6 job centers (시범운영)." },
    EXPANSION_2023: { description: "The expansion to 24 centers from 2023-06-28." },
    EXPANSION_LATER: { description: "The later expansion to 48 centers (date not published; assumed)." },
  },
});
