/** Enumerations of the person register, registered once for type-graphql. */
import { registerEnumType } from "type-graphql";

export { EmployerSize, EmploymentStatus, Occupation, SpecificGroup, StudentStatus } from "../kit/circumstances";

export enum Region {
  SEOUL = "SEOUL", BUSAN = "BUSAN", DAEGU = "DAEGU", INCHEON = "INCHEON", GWANGJU = "GWANGJU", DAEJEON = "DAEJEON",
  ULSAN = "ULSAN", SEJONG = "SEJONG", GYEONGGI = "GYEONGGI", GANGWON = "GANGWON", CHUNGBUK = "CHUNGBUK",
  CHUNGNAM = "CHUNGNAM", JEONBUK = "JEONBUK", JEONNAM = "JEONNAM", GYEONGBUK = "GYEONGBUK", GYEONGNAM = "GYEONGNAM", JEJU = "JEJU",
}
registerEnumType(Region, {
  name: "Region",
  description: "Province or metropolitan city (시·도) of Korea.",
  valuesConfig: {
    SEOUL: { description: "Seoul (서울특별시)." },
    BUSAN: { description: "Busan (부산광역시)." },
    DAEGU: { description: "Daegu (대구광역시)." },
    INCHEON: { description: "Incheon (인천광역시)." },
    GWANGJU: { description: "Gwangju (광주광역시)." },
    DAEJEON: { description: "Daejeon (대전광역시)." },
    ULSAN: { description: "Ulsan (울산광역시)." },
    SEJONG: { description: "Sejong (세종특별자치시)." },
    GYEONGGI: { description: "Gyeonggi Province (경기도)." },
    GANGWON: { description: "Gangwon (강원특별자치도)." },
    CHUNGBUK: { description: "North Chungcheong (충청북도)." },
    CHUNGNAM: { description: "South Chungcheong (충청남도)." },
    JEONBUK: { description: "North Jeolla (전북특별자치도)." },
    JEONNAM: { description: "South Jeolla (전라남도)." },
    GYEONGBUK: { description: "North Gyeongsang (경상북도)." },
    GYEONGNAM: { description: "South Gyeongsang (경상남도)." },
    JEJU: { description: "Jeju (제주특별자치도)." },
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
