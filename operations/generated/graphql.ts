/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What a Mid-Career Tomorrow Center (중장년내일센터) session covered. */
export type CareerDesignSessionKind =
  /** Job search skills (취업역량 강화): CV, interview and job-search practice. */
  | 'JOB_SEARCH_SKILLS'
  /** Lifetime career design (생애경력설계): reviewing one's career and planning the next one. */
  | 'LIFETIME_CAREER_DESIGN'
  /** Outplacement support (전직지원) for people leaving or about to leave their main job. */
  | 'OUTPLACEMENT';

/** A consent to give a partner agency. */
export type ConsentInput = {
  /** Last day the consent is valid: after today, at most 3 years ahead. */
  expiresOn: string;
  /** The partner agency (see partnerAgencies). */
  partnerId: string | number;
  /** The purpose, 1-200 characters, exactly as the agency states it in its tokens (e.g. "training placement"). */
  purpose: string;
  /** Programs' data to share, as scopes: employment-support:read, job-search-guarantee:read, mid-career:read, learning-card:read. */
  scopes: Array<string>;
};

/** The track a person qualifies for in a program. */
export type EligibilityTrack =
  /** Job Search Guarantee Package or Tomorrow Learning Card, general. */
  | 'GENERAL'
  /** Job Search Guarantee Package (receiving unemployment benefit) or Tomorrow Learning Card (low-income priority group). */
  | 'PRIORITY'
  /** National Employment Support, Type II (II유형): youth or mid-career within the Type II income. */
  | 'TYPE_II'
  /** National Employment Support, Type I screened (요건심사형): income, assets and work experience met. */
  | 'TYPE_I_SCREENED'
  /** National Employment Support, Type I selected (선발형): income and assets met without the work experience, or a youth within the selected income. */
  | 'TYPE_I_SELECTED'
  /** Mid-Career Career Support Program: a work experience placement. */
  | 'WORK_EXPERIENCE';

/** Current work status. Some programs count a short working week as unemployed (see their published criteria). */
export type EmploymentStatus =
  /** Employed by an employer (임금근로자). */
  | 'EMPLOYED'
  /** Self-employed (자영업자). */
  | 'SELF_EMPLOYED'
  /** Special-type worker, e.g. platform or freelance (특수형태근로종사자). */
  | 'SPECIAL_TYPE_WORKER'
  /** Not working. */
  | 'UNEMPLOYED';

/** Where a participation in the Job Search Guarantee Package stands. */
export type GuaranteeParticipationStatus =
  /** Under way: one of the service phases is open (no end date yet). */
  | 'ACTIVE'
  /** All three service phases finished (진행 완료); follow-up may still run. */
  | 'COMPLETED'
  /** Left before finishing the service phases (중도 탈락). */
  | 'DROPPED';

/** Stage of the package. Phase records only ever carry the three service phases (DIAGNOSIS, CAREER_DESIGN, JOB_SUPPORT); FOLLOW_UP and CLOSED appear only as a participation's current phase. */
export type GuaranteePhaseKind =
  /** In-depth career design (심층 경력설계): one-to-one counselling, about 50 minutes a session. */
  | 'CAREER_DESIGN'
  /** Nothing more is running: dropped, or completed and past follow-up. */
  | 'CLOSED'
  /** Diagnosis (진단), with the AI tool JobCare (잡케어). */
  | 'DIAGNOSIS'
  /** Follow-up after the service phases finished (사후관리); an assumption: the package's published stages name no follow-up. */
  | 'FOLLOW_UP'
  /** Tailored job support (맞춤형 취업지원): CV clinic, interview coaching, placement. */
  | 'JOB_SUPPORT';

/** State of a Tomorrow Learning Card (국민내일배움카드). */
export type LearningCardStatus =
  /** Valid: training can be charged to the card. */
  | 'ACTIVE'
  /** Past its 5-year validity; the unused balance has lapsed (a new card can be issued). */
  | 'EXPIRED'
  /** Suspended by the employment center (e.g. after improper use); nothing can be charged. */
  | 'SUSPENDED';

/** Status of a NESS enrollment. */
export type NessEnrollmentStatus =
  /** Applied; eligibility not yet decided. */
  | 'APPLIED'
  /** Finished, including follow-up. */
  | 'COMPLETED'
  /** Left early, or stopped for not doing the plan's activities. */
  | 'DROPPED'
  /** Taking part. */
  | 'IN_PROGRESS'
  /** Found not eligible. */
  | 'REJECTED';

/** Stage of the NESS process: application, counselling and plan, job search services, follow-up. */
export type NessStage =
  /** Application and eligibility decision. */
  | 'APPLICATION'
  /** Closed. */
  | 'CLOSED'
  /** Counselling and the Individual Action Plan (취업활동계획). */
  | 'COUNSELLING_AND_IAP'
  /** Follow-up, up to 3 months. */
  | 'FOLLOW_UP'
  /** Job search services, 1 year (extendable by 6 months). */
  | 'JOB_SEARCH_SERVICES';

/** NESS support type. */
export type NessTrack =
  /** Type I (I유형): means-tested, with the job-seeking allowance. */
  | 'TYPE_I'
  /** Type II (II유형): youth, mid-career and specific groups; participation allowance. */
  | 'TYPE_II';

/** The Mid-Career Employment Network's chain of case-managed support, in order. */
export type NetworkStage =
  /** Lifetime career design (생애경력설계) or in-depth career counselling. */
  | 'CAREER_DESIGN'
  /** Placement in a job. */
  | 'PLACEMENT'
  /** Vocational training (e.g. with the Tomorrow Learning Card, Korea Polytechnic). */
  | 'TRAINING'
  /** A work experience placement (Mid-Career Career Support Program). */
  | 'WORK_EXPERIENCE';

/** Narrows a list of persons; all given conditions must hold. */
export type PersonFilter = {
  /** Only persons managed by this employment center (id as in employmentCenters). */
  centerId?: string | number | null | undefined;
  /** Only persons with this employment status. */
  employmentStatus?: EmploymentStatus | null | undefined;
  /** Only persons at most this old today (0-130; for analysts, the age reached this year). */
  maxAge?: number | null | undefined;
  /** Only persons at least this old today (0-130; for analysts, the age reached this year). */
  minAge?: number | null | undefined;
  /** Only persons living in this region. */
  region?: Region | null | undefined;
};

/** The employment programs behind this graph, one value each. */
export type Program =
  /** Job Search Guarantee Package (구직자 도약보장패키지). */
  | 'JOB_SEARCH_GUARANTEE'
  /** Tomorrow Learning Card (국민내일배움카드). */
  | 'LEARNING_CARD'
  /** Mid-Career Career Support Program (중장년 경력지원제). */
  | 'MID_CAREER_SUPPORT'
  /** National Employment Support System (국민취업지원제도). */
  | 'NATIONAL_EMPLOYMENT_SUPPORT';

/** Province or metropolitan city (시·도) of Korea. */
export type Region =
  /** Busan (부산광역시). */
  | 'BUSAN'
  /** North Chungcheong (충청북도). */
  | 'CHUNGBUK'
  /** South Chungcheong (충청남도). */
  | 'CHUNGNAM'
  /** Daegu (대구광역시). */
  | 'DAEGU'
  /** Daejeon (대전광역시). */
  | 'DAEJEON'
  /** Gangwon (강원특별자치도). */
  | 'GANGWON'
  /** Gwangju (광주광역시). */
  | 'GWANGJU'
  /** North Gyeongsang (경상북도). */
  | 'GYEONGBUK'
  /** Gyeonggi Province (경기도). */
  | 'GYEONGGI'
  /** South Gyeongsang (경상남도). */
  | 'GYEONGNAM'
  /** Incheon (인천광역시). */
  | 'INCHEON'
  /** Jeju (제주특별자치도). */
  | 'JEJU'
  /** North Jeolla (전북특별자치도). */
  | 'JEONBUK'
  /** South Jeolla (전라남도). */
  | 'JEONNAM'
  /** Sejong (세종특별자치시). */
  | 'SEJONG'
  /** Seoul (서울특별시). */
  | 'SEOUL'
  /** Ulsan (울산광역시). */
  | 'ULSAN';

/** What a breakdown counts persons by. */
export type StatisticsDimension =
  /** Age on asOf in 10-year bands: 0-9, 10-19, ... 70-79. */
  | 'AGE_BAND'
  /** Managing employment center (center ids as in employmentCenters). */
  | 'CENTER'
  /** Current work status (EmploymentStatus values). */
  | 'EMPLOYMENT_STATUS'
  /** Monthly household income in bands of KRW 1,000,000, as the analyst's view of a person shows them. */
  | 'INCOME_BAND'
  /** Program taken part in on asOf (Program values, or NONE). A person in two programs counts in both cells, so these cells overlap. */
  | 'PROGRAM'
  /** Province or metropolitan city (Region values). */
  | 'REGION';

/** Where a trainee stands in a training course paid with the Tomorrow Learning Card. */
export type TrainingEnrollmentStatus =
  /** Finished the course (수료). */
  | 'COMPLETED'
  /** Left the course before the end (중도 탈락); its charge does not count against the grant. */
  | 'DROPPED'
  /** In training now (수강 중). */
  | 'ENROLLED';

/** Where a work experience placement (경력지원제 현장 경험) stands on the date the records were taken. */
export type WorkExperienceStatus =
  /** Finished as planned (1 to 3 months on site). */
  | 'COMPLETED'
  /** Left before the planned end (중도 탈락); the end date is the last day on site. */
  | 'DROPPED'
  /** Under way: started, and the planned last day is not yet past. */
  | 'IN_PROGRESS'
  /** Agreed with the host company but not started yet (start date after the records' date). */
  | 'PLANNED';

export type AgeBandPageQueryVariables = Exact<{
  filter?: PersonFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type AgeBandPageQuery = { persons: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, age: number | null, household: { incomeBand: string | null, assetsBand: string | null }, eligibilitySummary: Array<{ program: Program, eligible: boolean, track: EligibilityTrack | null }> } }> } };

export type PopulationQueryVariables = Exact<{
  asOf?: string | null | undefined;
}>;


export type PopulationQuery = { statistics: { persons: number, breakdown: Array<{ count: number | null, suppressed: boolean, keys: Array<{ dimension: StatisticsDimension, value: string }> }>, eligibility: { totalBenefits: number | null, rulesVersion: string, eligible: { count: number | null }, byTrack: Array<{ track: string, monthlyBenefits: number | null, totalBenefits: number | null, persons: { count: number | null, suppressed: boolean } }>, enrolled: { count: number | null }, eligibleNotEnrolled: { count: number | null, suppressed: boolean } }, networkPathway: Array<{ centerId: string | null, stages: Array<{ stage: NetworkStage, medianDaysToNext: number | null, reached: { count: number | null }, wentOn: { count: number | null } }> }>, reform: { evaluatedOn: string, programs: Array<{ program: Program, eligibleDifference: number | null, totalBenefitsDifference: number | null, baseline: { totalBenefits: number | null, eligible: { count: number | null } }, reform: { totalBenefits: number | null, eligible: { count: number | null } }, gaining: { count: number | null }, losing: { count: number | null } }> } } };

export type GrantConsentMutationVariables = Exact<{
  consent: ConsentInput;
}>;


export type GrantConsentMutation = { grantConsent: { id: string, purpose: string, scopes: Array<string>, expiresOn: string, active: boolean, partner: { id: string } } };

export type MyRecordQueryVariables = Exact<{ [key: string]: never; }>;


export type MyRecordQuery = { me: { id: string, name: string | null, center: { name: string } | null, eligibilitySummary: Array<{ program: Program, eligible: boolean, track: EligibilityTrack | null }>, consents: Array<{ id: string, purpose: string, scopes: Array<string>, expiresOn: string, active: boolean, partner: { id: string, name: string } }>, accessLog: Array<{ at: string, who: string, audience: string, purpose: string | null, programs: Array<Program> }> } | null };

export type CounsellorViewQueryVariables = Exact<{
  id: string | number;
}>;


export type CounsellorViewQuery = { person: { name: string | null, age: number | null, center: { name: string } | null, nationalEmploymentSupport: { enrollments: Array<{ track: NessTrack, status: NessEnrollmentStatus, stage: NessStage, appliedOn: string }>, eligibility: { eligible: boolean, track: EligibilityTrack | null, benefits: Array<{ kind: string, amountPerMonth: unknown, months: number | null, total: unknown }>, reasons: Array<{ rule: string, passed: boolean, observed: string | null, threshold: string | null, description: string }> } } | null, jobSearchGuarantee: { eligibility: { eligible: boolean, track: EligibilityTrack | null, reasons: Array<{ rule: string, passed: boolean, description: string }> } } | null, midCareerSupport: { careerDesignSessions: Array<{ heldOn: string, kind: CareerDesignSessionKind }>, workExperiencePlacements: Array<{ hostCompany: string, industry: string, status: WorkExperienceStatus, startedOn: string, endedOn: string }>, eligibility: { eligible: boolean, reasons: Array<{ rule: string, passed: boolean, description: string }> } } | null, learningCard: { card: { grantTotal: number | null, used: number | null, balance: number | null, status: LearningCardStatus, expiresOn: string } | null, eligibility: { eligible: boolean, track: EligibilityTrack | null } } | null, eligibilitySummary: Array<{ program: Program, eligible: boolean, track: EligibilityTrack | null }>, timeline: Array<{ date: string, program: Program, kind: string, description: string }>, networkCase: { stage: NetworkStage | null, reachedOn: string | null, stagesReached: Array<NetworkStage>, nextStage: NetworkStage | null, nextProgram: Program | null, nextStep: string } } | null };

export type PersonOverviewQueryVariables = Exact<{
  id: string | number;
}>;


export type PersonOverviewQuery = { person: { name: string | null, age: number | null, center: { name: string, focusIndustries: Array<string> } | null, nationalEmploymentSupport: { totalAllowancePaid: number | null, enrollments: Array<{ track: NessTrack, status: NessEnrollmentStatus, stage: NessStage, appliedOn: string }> } | null, jobSearchGuarantee: { participations: Array<{ status: GuaranteeParticipationStatus, currentPhase: GuaranteePhaseKind, placements: Array<{ employer: string, industry: string }> }> } | null, midCareerSupport: { careerDesignSessions: Array<{ heldOn: string, kind: CareerDesignSessionKind }>, workExperiencePlacements: Array<{ hostCompany: string, status: WorkExperienceStatus }> } | null, learningCard: { card: { grantTotal: number | null, used: number | null, balance: number | null, status: LearningCardStatus } | null, enrollments: Array<{ status: TrainingEnrollmentStatus, course: { title: string, provider: string } }> } | null } | null };

export type PartnerLearningCardQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerLearningCardQuery = { person: { id: string, name: string | null, learningCard: { card: { status: LearningCardStatus, grantTotal: number | null, used: number | null, balance: number | null, expiresOn: string } | null, enrollments: Array<{ status: TrainingEnrollmentStatus, enrolledOn: string, completedOn: string | null, course: { title: string, provider: string } }>, currentEligibility: { eligible: boolean, track: EligibilityTrack | null, reasons: Array<{ rule: string, passed: boolean, description: string }> } } | null } | null };

export type PartnerMidCareerQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerMidCareerQuery = { person: { id: string, name: string | null, midCareerSupport: { careerDesignSessions: Array<{ heldOn: string, kind: CareerDesignSessionKind, provider: string }>, workExperiencePlacements: Array<{ status: WorkExperienceStatus, startedOn: string }>, currentEligibility: { eligible: boolean, reasons: Array<{ rule: string, passed: boolean, description: string }> } } | null } | null };

export type EligibilityRulesQueryVariables = Exact<{
  program: Program;
  asOf?: string | null | undefined;
}>;


export type EligibilityRulesQuery = { eligibilityRules: { program: Program, rulesVersion: string, rules: Array<{ rule: string, description: string, source: string, parameters: Array<{ name: string, value: string, effectiveFrom: string, reference: string, confidence: string }> }> } };

export type EmploymentCentersQueryVariables = Exact<{ [key: string]: never; }>;


export type EmploymentCentersQuery = { employmentCenters: Array<{ id: string, name: string, nameKo: string, region: Region, focusIndustries: Array<string>, networkSince: number }> };

export type WhatIfQueryVariables = Exact<{ [key: string]: never; }>;


export type WhatIfQuery = { simulatePerson: { y2025: { eligibility: { eligible: boolean, track: EligibilityTrack | null } } | null, y2026: { eligibility: { eligible: boolean, track: EligibilityTrack | null, benefits: Array<{ kind: string, amountPerMonth: unknown, months: number | null }> } } | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const AgeBandPageDocument = new TypedDocumentString(`
    query AgeBandPage($filter: PersonFilter, $first: Int!, $after: String) {
  persons(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        age
        household {
          incomeBand
          assetsBand
        }
        eligibilitySummary {
          program
          eligible
          track
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AgeBandPageQuery, AgeBandPageQueryVariables>;
export const PopulationDocument = new TypedDocumentString(`
    query Population($asOf: Date) {
  statistics(filter: {centerId: "gumi", minAge: 50, maxAge: 59}, asOf: $asOf) {
    persons
    breakdown(by: [PROGRAM]) {
      keys {
        dimension
        value
      }
      count
      suppressed
    }
    eligibility(program: NATIONAL_EMPLOYMENT_SUPPORT) {
      eligible {
        count
      }
      byTrack {
        track
        persons {
          count
          suppressed
        }
        monthlyBenefits
        totalBenefits
      }
      enrolled {
        count
      }
      eligibleNotEnrolled {
        count
        suppressed
      }
      totalBenefits
      rulesVersion
    }
    networkPathway(byCenter: false) {
      centerId
      stages {
        stage
        reached {
          count
        }
        wentOn {
          count
        }
        medianDaysToNext
      }
    }
    reform(
      changes: [{program: NATIONAL_EMPLOYMENT_SUPPORT, parameter: "type1-income-percent", value: 70, from: "2027-01-01"}]
    ) {
      evaluatedOn
      programs {
        program
        baseline {
          eligible {
            count
          }
          totalBenefits
        }
        reform {
          eligible {
            count
          }
          totalBenefits
        }
        eligibleDifference
        gaining {
          count
        }
        losing {
          count
        }
        totalBenefitsDifference
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PopulationQuery, PopulationQueryVariables>;
export const GrantConsentDocument = new TypedDocumentString(`
    mutation GrantConsent($consent: ConsentInput!) {
  grantConsent(consent: $consent) {
    id
    partner {
      id
    }
    purpose
    scopes
    expiresOn
    active
  }
}
    `) as unknown as TypedDocumentString<GrantConsentMutation, GrantConsentMutationVariables>;
export const MyRecordDocument = new TypedDocumentString(`
    query MyRecord {
  me {
    id
    name
    center {
      name
    }
    eligibilitySummary {
      program
      eligible
      track
    }
    consents {
      id
      partner {
        id
        name
      }
      purpose
      scopes
      expiresOn
      active
    }
    accessLog(first: 20) {
      at
      who
      audience
      purpose
      programs
    }
  }
}
    `) as unknown as TypedDocumentString<MyRecordQuery, MyRecordQueryVariables>;
export const CounsellorViewDocument = new TypedDocumentString(`
    query CounsellorView($id: ID!) {
  person(id: $id) {
    name
    age
    center {
      name
    }
    nationalEmploymentSupport {
      enrollments {
        track
        status
        stage
        appliedOn
      }
      eligibility {
        eligible
        track
        benefits {
          kind
          amountPerMonth
          months
          total
        }
        reasons {
          rule
          passed
          observed
          threshold
          description
        }
      }
    }
    jobSearchGuarantee {
      eligibility {
        eligible
        track
        reasons {
          rule
          passed
          description
        }
      }
    }
    midCareerSupport {
      careerDesignSessions {
        heldOn
        kind
      }
      workExperiencePlacements {
        hostCompany
        industry
        status
        startedOn
        endedOn
      }
      eligibility {
        eligible
        reasons {
          rule
          passed
          description
        }
      }
    }
    learningCard {
      card {
        grantTotal
        used
        balance
        status
        expiresOn
      }
      eligibility {
        eligible
        track
      }
    }
    eligibilitySummary {
      program
      eligible
      track
    }
    timeline {
      date
      program
      kind
      description
    }
    networkCase {
      stage
      reachedOn
      stagesReached
      nextStage
      nextProgram
      nextStep
    }
  }
}
    `) as unknown as TypedDocumentString<CounsellorViewQuery, CounsellorViewQueryVariables>;
export const PersonOverviewDocument = new TypedDocumentString(`
    query PersonOverview($id: ID!) {
  person(id: $id) {
    name
    age
    center {
      name
      focusIndustries
    }
    nationalEmploymentSupport {
      enrollments {
        track
        status
        stage
        appliedOn
      }
      totalAllowancePaid
    }
    jobSearchGuarantee {
      participations {
        status
        currentPhase
        placements {
          employer
          industry
        }
      }
    }
    midCareerSupport {
      careerDesignSessions {
        heldOn
        kind
      }
      workExperiencePlacements {
        hostCompany
        status
      }
    }
    learningCard {
      card {
        grantTotal
        used
        balance
        status
      }
      enrollments {
        status
        course {
          title
          provider
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PersonOverviewQuery, PersonOverviewQueryVariables>;
export const PartnerLearningCardDocument = new TypedDocumentString(`
    query PartnerLearningCard($id: ID!) {
  person(id: $id) {
    id
    name
    learningCard {
      card {
        status
        grantTotal
        used
        balance
        expiresOn
      }
      enrollments {
        status
        enrolledOn
        completedOn
        course {
          title
          provider
        }
      }
      currentEligibility {
        eligible
        track
        reasons {
          rule
          passed
          description
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerLearningCardQuery, PartnerLearningCardQueryVariables>;
export const PartnerMidCareerDocument = new TypedDocumentString(`
    query PartnerMidCareer($id: ID!) {
  person(id: $id) {
    id
    name
    midCareerSupport {
      careerDesignSessions {
        heldOn
        kind
        provider
      }
      workExperiencePlacements {
        status
        startedOn
      }
      currentEligibility {
        eligible
        reasons {
          rule
          passed
          description
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerMidCareerQuery, PartnerMidCareerQueryVariables>;
export const EligibilityRulesDocument = new TypedDocumentString(`
    query EligibilityRules($program: Program!, $asOf: Date) {
  eligibilityRules(program: $program, asOf: $asOf) {
    program
    rulesVersion
    rules {
      rule
      description
      source
      parameters {
        name
        value
        effectiveFrom
        reference
        confidence
      }
    }
  }
}
    `) as unknown as TypedDocumentString<EligibilityRulesQuery, EligibilityRulesQueryVariables>;
export const EmploymentCentersDocument = new TypedDocumentString(`
    query EmploymentCenters {
  employmentCenters {
    id
    name
    nameKo
    region
    focusIndustries
    networkSince
  }
}
    `) as unknown as TypedDocumentString<EmploymentCentersQuery, EmploymentCentersQueryVariables>;
export const WhatIfDocument = new TypedDocumentString(`
    query WhatIf {
  simulatePerson(
    circumstances: {birthDate: "1970-03-01", householdSize: 1, householdMonthlyIncome: 1500000, householdAssets: 100000000, workDaysLast24Months: 120, employmentStatus: UNEMPLOYED, dependants: 2}
  ) {
    y2025: nationalEmploymentSupport {
      eligibility(asOf: "2025-06-01") {
        eligible
        track
      }
    }
    y2026: nationalEmploymentSupport {
      eligibility(asOf: "2026-06-01") {
        eligible
        track
        benefits {
          kind
          amountPerMonth
          months
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WhatIfQuery, WhatIfQueryVariables>;