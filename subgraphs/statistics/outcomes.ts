/** What an evaluation over persons of the population yields, in columns (one position a person). */
export interface Outcomes {
  /** 0: not eligible; otherwise 1 + the index of the track in `tracks`. */
  track: Uint8Array;
  tracks: string[];
  monthly: Float64Array;
  total: Float64Array;
  enrolled: Uint8Array;
  rulesVersion: string;
}

export type Progress = (done: number, of: number) => void | Promise<void>;
