/**
 * A person's circumstances as the programs' rules read them. They are owned by the people subgraph;
 * a program subgraph receives them through federation (`@requires` on its program field of the
 * inaccessible `circumstances`, see circumstances-type.ts), never by calling people itself.
 */
import { registerEnumType } from "type-graphql";

export enum EmploymentStatus {
  UNEMPLOYED = "UNEMPLOYED",
  EMPLOYED = "EMPLOYED",
  SELF_EMPLOYED = "SELF_EMPLOYED",
  SPECIAL_TYPE_WORKER = "SPECIAL_TYPE_WORKER",
}
registerEnumType(EmploymentStatus, {
  name: "EmploymentStatus",
  description: "Current work status. Some programs count a short working week as unemployed (see their published criteria).",
  valuesConfig: {
    UNEMPLOYED: { description: "Not working." },
    EMPLOYED: { description: "Employed by an employer (임금근로자)." },
    SELF_EMPLOYED: { description: "Self-employed (자영업자)." },
    SPECIAL_TYPE_WORKER: { description: "Special-type worker, e.g. platform or freelance (특수형태근로종사자)." },
  },
});

export enum Occupation {
  PUBLIC_SERVANT = "PUBLIC_SERVANT",
  PRIVATE_SCHOOL_STAFF = "PRIVATE_SCHOOL_STAFF",
  MILITARY = "MILITARY",
  OTHER = "OTHER",
}
registerEnumType(Occupation, {
  name: "Occupation",
  description: "Occupations some programs treat specially (e.g. excluded from the Tomorrow Learning Card).",
  valuesConfig: {
    PUBLIC_SERVANT: { description: "Serving public servant (공무원)." },
    PRIVATE_SCHOOL_STAFF: { description: "Private school teacher or staff (사립학교 교직원)." },
    MILITARY: { description: "Serving member of the armed forces (군인)." },
    OTHER: { description: "Any other occupation, or none." },
  },
});

export enum StudentStatus {
  NONE = "NONE",
  FINAL_YEAR = "FINAL_YEAR",
  ENROLLED = "ENROLLED",
}
registerEnumType(StudentStatus, {
  name: "StudentStatus",
  description: "Whether the person is a student.",
  valuesConfig: {
    NONE: { description: "Not a student." },
    FINAL_YEAR: { description: "In the final year (within 2 years of graduating, or final-year high school)." },
    ENROLLED: { description: "A student with more than 2 years left before graduating." },
  },
});

export enum EmployerSize {
  LARGE = "LARGE",
  SME = "SME",
  NONE = "NONE",
}
registerEnumType(EmployerSize, {
  name: "EmployerSize",
  description: "Size of the current employer.",
  valuesConfig: {
    LARGE: { description: "Large company (대기업)." },
    SME: { description: "Small or medium-sized enterprise (중소기업)." },
    NONE: { description: "No employer (unemployed or self-employed)." },
  },
});

export enum SpecificGroup {
  NONE = "NONE",
  NORTH_KOREAN_DEFECTOR = "NORTH_KOREAN_DEFECTOR",
  MARRIAGE_MIGRANT = "MARRIAGE_MIGRANT",
  OTHER_DESIGNATED = "OTHER_DESIGNATED",
}
registerEnumType(SpecificGroup, {
  name: "SpecificGroup",
  description: "Groups some programs admit whatever their income (e.g. NESS Type II).",
  valuesConfig: {
    NONE: { description: "None of these groups." },
    NORTH_KOREAN_DEFECTOR: { description: "North Korean defector (북한이탈주민)." },
    MARRIAGE_MIGRANT: { description: "Marriage migrant (결혼이민자)." },
    OTHER_DESIGNATED: { description: "Another group the Ministry of Employment and Labor designates." },
  },
});

/** The shape the rules read (a subset of people's Person). */
export interface Circumstances {
  id: string;
  birthDate: string;
  centerId: string | null;
  studentStatus: StudentStatus;
  militaryServiceMonths: number;
  /** A group admitted to NESS Type II whatever the income. */
  specificGroup: SpecificGroup;
  /** Not a Korean national. */
  foreignNational: boolean;
  /** Under a sanction restricting government training support (e.g. after misuse of a card). */
  trainingSupportRestricted: boolean;
  /** Now in another government-funded training program. */
  inOtherGovernmentFundedTraining: boolean;
  /**
   * Generalisation level of the analyst's view (security/generalisation.ts), carried sealed from
   * people; absent for circumstances nobody stored (a simulated person): nothing to generalise.
   */
  analystLevel?: number;
  household: { size: number; monthlyIncome: number; assets: number; dependants: number };
  employment: {
    status: EmploymentStatus;
    occupation: Occupation;
    employerSize: EmployerSize;
    monthlyWage: number;
    weeklyWorkHours: number;
    workDaysLast24Months: number;
    workHoursLast24Months: number;
    selfEmployedAnnualRevenue: number;
    receivingUnemploymentBenefit: boolean;
  };
  careerChange: {
    targetFieldExperienceMonths: number;
    newFieldQualification: boolean;
    /** Has left the main career (the job held longest). */
    leftMainCareer: boolean;
    /** Months since last insured at the intended host company; null when never, or no host chosen yet. */
    monthsSinceInsuredAtHost: number | null;
  };
}

