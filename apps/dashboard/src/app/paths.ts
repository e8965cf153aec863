/** Paths of the dashboard's pages; features get them as props, so they never know the route table. */
export const paths = {
  catalogue: "/",
  profile: (id: string) => `/municipalities/${encodeURIComponent(id)}`,
  /** The catalogue showing one region's hromadas (the map table links here). */
  regionHromadas: (region: string) => `/?${new URLSearchParams({ kind: "hromada", region })}`,
  map: "/map",
  // Workflow pages
  signIn: (next?: string) => (next ? `/sign-in?${new URLSearchParams({ next })}` : "/sign-in"),
  statistics: "/statistics",
  ties: "/ties",
  questionnaire: "/questionnaire",
  questionnaires: "/questionnaires",
  questionnaireReview: (id: string) => `/questionnaires/${encodeURIComponent(id)}`,
  suggestionsPicker: "/suggestions",
  suggestions: (id: string) => `/suggestions/${encodeURIComponent(id)}`,
  rounds: "/rounds",
  pipeline: "/pipeline",
  conferences: "/conferences",
  conference: (id: string) => `/conferences/${encodeURIComponent(id)}`,
  imports: "/imports",
} as const;
