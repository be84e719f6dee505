/**
 * The employment centers of the Mid-Career Employment Network (중장년고용네트워크): about 15 in
 * the 2025 pilot, about 40 from 2026 (the Ministry of Employment and Labor's announcement of the network). The three centers the article
 * names carry the focus industries it gives; the others are real employment center (고용센터)
 * names with illustrative focus industries, marked `illustrative: true`.
 */

export type Region =
  | "SEOUL" | "BUSAN" | "DAEGU" | "INCHEON" | "GWANGJU" | "DAEJEON" | "ULSAN" | "SEJONG" | "GYEONGGI"
  | "GANGWON" | "CHUNGBUK" | "CHUNGNAM" | "JEONBUK" | "JEONNAM" | "GYEONGBUK" | "GYEONGNAM" | "JEJU";

export interface CenterSeed {
  id: string;
  name: string;
  nameKo: string;
  region: Region;
  focusIndustries: string[];
  /** Year the center joined the network: 2025 pilot or 2026 expansion. */
  networkSince: 2025 | 2026;
  illustrative: boolean;
}

const c = (
  id: string, name: string, nameKo: string, region: Region, networkSince: 2025 | 2026, focusIndustries: string[], illustrative = true,
): CenterSeed => ({ id, name, nameKo, region, focusIndustries, networkSince, illustrative });

export const CENTERS: readonly CenterSeed[] = [
  // Named in the source article, with the industries it gives.
  c("seoul-gwanak", "Seoul Gwanak Employment Center", "서울관악고용센터", "SEOUL", 2025,
    ["IT", "smart manufacturing", "healthcare", "services"], false),
  c("incheon-bukbu", "Incheon Bukbu Employment Center", "인천북부고용센터", "INCHEON", 2025,
    ["root industries", "aviation", "logistics", "health and welfare", "bio"], false),
  c("incheon-seobu", "Incheon Seobu Employment Center", "인천서부고용센터", "INCHEON", 2025,
    ["root industries", "aviation", "logistics", "health and welfare", "bio"], false),
  c("gumi", "Gumi Employment Center", "구미고용센터", "GYEONGBUK", 2025,
    ["electrical", "electronics", "mechanical", "healthcare"], false),
  // Pilot (2025) centers, illustrative focus.
  c("seoul-gangnam", "Seoul Gangnam Employment Center", "서울강남고용센터", "SEOUL", 2025, ["IT", "finance", "services"]),
  c("seoul-nambu", "Seoul Nambu Employment Center", "서울남부고용센터", "SEOUL", 2025, ["logistics", "services"]),
  c("seoul-bukbu", "Seoul Bukbu Employment Center", "서울북부고용센터", "SEOUL", 2025, ["healthcare", "services"]),
  c("busan", "Busan Employment Center", "부산고용센터", "BUSAN", 2025, ["shipbuilding", "logistics", "tourism"]),
  c("daegu", "Daegu Employment Center", "대구고용센터", "DAEGU", 2025, ["textiles", "mechanical", "healthcare"]),
  c("gwangju", "Gwangju Employment Center", "광주고용센터", "GWANGJU", 2025, ["automotive", "energy"]),
  c("daejeon", "Daejeon Employment Center", "대전고용센터", "DAEJEON", 2025, ["research services", "bio"]),
  c("ulsan", "Ulsan Employment Center", "울산고용센터", "ULSAN", 2025, ["automotive", "shipbuilding", "petrochemicals"]),
  c("suwon", "Suwon Employment Center", "수원고용센터", "GYEONGGI", 2025, ["electronics", "IT"]),
  c("changwon", "Changwon Employment Center", "창원고용센터", "GYEONGNAM", 2025, ["mechanical", "defence"]),
  c("jeonju", "Jeonju Employment Center", "전주고용센터", "JEONBUK", 2025, ["agri-food", "carbon materials"]),
  // 2026 expansion, illustrative focus.
  c("seoul-seobu", "Seoul Seobu Employment Center", "서울서부고용센터", "SEOUL", 2026, ["media", "services"]),
  c("seoul-dongbu", "Seoul Dongbu Employment Center", "서울동부고용센터", "SEOUL", 2026, ["retail", "healthcare"]),
  c("seoul-gangseo", "Seoul Gangseo Employment Center", "서울강서고용센터", "SEOUL", 2026, ["aviation", "logistics"]),
  c("seoul-seocho", "Seoul Seocho Employment Center", "서울서초고용센터", "SEOUL", 2026, ["professional services", "IT"]),
  c("incheon", "Incheon Employment Center", "인천고용센터", "INCHEON", 2026, ["logistics", "bio"]),
  c("bucheon", "Bucheon Employment Center", "부천고용센터", "GYEONGGI", 2026, ["root industries", "content"]),
  c("seongnam", "Seongnam Employment Center", "성남고용센터", "GYEONGGI", 2026, ["IT", "bio"]),
  c("anyang", "Anyang Employment Center", "안양고용센터", "GYEONGGI", 2026, ["IT", "services"]),
  c("ansan", "Ansan Employment Center", "안산고용센터", "GYEONGGI", 2026, ["root industries", "smart manufacturing"]),
  c("uijeongbu", "Uijeongbu Employment Center", "의정부고용센터", "GYEONGGI", 2026, ["healthcare", "services"]),
  c("goyang", "Goyang Employment Center", "고양고용센터", "GYEONGGI", 2026, ["tourism", "content"]),
  c("pyeongtaek", "Pyeongtaek Employment Center", "평택고용센터", "GYEONGGI", 2026, ["semiconductors", "logistics"]),
  c("busan-bukbu", "Busan Bukbu Employment Center", "부산북부고용센터", "BUSAN", 2026, ["mechanical", "healthcare"]),
  c("busan-dongbu", "Busan Dongbu Employment Center", "부산동부고용센터", "BUSAN", 2026, ["tourism", "services"]),
  c("daegu-seobu", "Daegu Seobu Employment Center", "대구서부고용센터", "DAEGU", 2026, ["automotive parts", "textiles"]),
  c("sejong", "Sejong Employment Center", "세종고용센터", "SEJONG", 2026, ["public services", "IT"]),
  c("chuncheon", "Chuncheon Employment Center", "춘천고용센터", "GANGWON", 2026, ["bio", "tourism"]),
  c("wonju", "Wonju Employment Center", "원주고용센터", "GANGWON", 2026, ["medical devices", "healthcare"]),
  c("cheongju", "Cheongju Employment Center", "청주고용센터", "CHUNGBUK", 2026, ["semiconductors", "batteries"]),
  c("cheonan", "Cheonan Employment Center", "천안고용센터", "CHUNGNAM", 2026, ["displays", "logistics"]),
  c("mokpo", "Mokpo Employment Center", "목포고용센터", "JEONNAM", 2026, ["shipbuilding", "fisheries"]),
  c("yeosu", "Yeosu Employment Center", "여수고용센터", "JEONNAM", 2026, ["petrochemicals", "tourism"]),
  c("pohang", "Pohang Employment Center", "포항고용센터", "GYEONGBUK", 2026, ["steel", "batteries"]),
  c("jinju", "Jinju Employment Center", "진주고용센터", "GYEONGNAM", 2026, ["aerospace", "agri-food"]),
  c("jeju", "Jeju Employment Center", "제주고용센터", "JEJU", 2026, ["tourism", "services"]),
];

/** The consortium every regional network brings together (the network's published model). */
export const CONSORTIUM_KINDS = [
  "EMPLOYMENT_CENTER",
  "MID_CAREER_TOMORROW_CENTER",
  "LOCAL_GOVERNMENT",
  "KOREA_POLYTECHNIC",
  "WOMENS_REEMPLOYMENT_CENTER",
] as const;
export type ConsortiumKind = (typeof CONSORTIUM_KINDS)[number];
