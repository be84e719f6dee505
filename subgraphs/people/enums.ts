/** Enumerations of the person register, registered once for type-graphql. */
import { registerEnumType } from "type-graphql";

export enum Region {
  SEOUL = "SEOUL", BUSAN = "BUSAN", DAEGU = "DAEGU", INCHEON = "INCHEON", GWANGJU = "GWANGJU", DAEJEON = "DAEJEON",
  ULSAN = "ULSAN", SEJONG = "SEJONG", GYEONGGI = "GYEONGGI", GANGWON = "GANGWON", CHUNGBUK = "CHUNGBUK",
  CHUNGNAM = "CHUNGNAM", JEONBUK = "JEONBUK", JEONNAM = "JEONNAM", GYEONGBUK = "GYEONGBUK", GYEONGNAM = "GYEONGNAM", JEJU = "JEJU",
}
registerEnumType(Region, { name: "Region", description: "Province or metropolitan city (시·도) of Korea." });

export enum EmploymentStatus {
  UNEMPLOYED = "UNEMPLOYED",
  EMPLOYED = "EMPLOYED",
  SELF_EMPLOYED = "SELF_EMPLOYED",
  SPECIAL_TYPE_WORKER = "SPECIAL_TYPE_WORKER",
}
registerEnumType(EmploymentStatus, {
  name: "EmploymentStatus",
  description: "Current work status. Working under 15 hours a week still counts as UNEMPLOYED for the programs.",
  valuesConfig: {
    UNEMPLOYED: { description: "Not working (or under 15 hours a week)." },
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

export enum ConsortiumMemberKind {
  EMPLOYMENT_CENTER = "EMPLOYMENT_CENTER",
  MID_CAREER_TOMORROW_CENTER = "MID_CAREER_TOMORROW_CENTER",
  LOCAL_GOVERNMENT = "LOCAL_GOVERNMENT",
  KOREA_POLYTECHNIC = "KOREA_POLYTECHNIC",
  WOMENS_REEMPLOYMENT_CENTER = "WOMENS_REEMPLOYMENT_CENTER",
}
registerEnumType(ConsortiumMemberKind, {
  name: "ConsortiumMemberKind",
  description: "The kinds of member a regional Mid-Career Employment Network brings together.",
  valuesConfig: {
    EMPLOYMENT_CENTER: { description: "Employment center (고용센터), which leads the consortium." },
    MID_CAREER_TOMORROW_CENTER: { description: "Mid-Career Tomorrow Center (중장년내일센터): career design for people 40+." },
    LOCAL_GOVERNMENT: { description: "Local government (지방자치단체)." },
    KOREA_POLYTECHNIC: { description: "Korea Polytechnic college (한국폴리텍대학): specialised training." },
    WOMENS_REEMPLOYMENT_CENTER: { description: "Women's re-employment center (여성새로일하기센터, 새일센터)." },
  },
});
