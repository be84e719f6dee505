/**
 * The partner agencies that may integrate through the API, and the organisation names a citizen's
 * access log shows. The Mid-Career Employment Network works with polytechnic colleges, local
 * governments and the HRD Service (the ministry's announcements of the network).
 */
export interface Partner {
  id: string;
  name: string;
}

export const PARTNERS: readonly Partner[] = [
  { id: "korea-polytechnics", name: "Korea Polytechnics (한국폴리텍대학)" },
  { id: "hrd-korea", name: "Human Resources Development Service of Korea (한국산업인력공단)" },
  { id: "seoul-50plus", name: "Seoul 50 Plus Foundation (서울시50플러스재단)" },
  { id: "incheon-city", name: "Incheon Metropolitan City (인천광역시)" },
];

export const partnerById = new Map(PARTNERS.map((p) => [p.id, p]));
