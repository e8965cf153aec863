import { lazy, type ReactNode, Suspense } from "react";
import { Route, Routes } from "react-router";
import { Loading } from "../components/ui/loading";
import { Layout } from "./layout";

// Each page is its own chunk, so the first load carries only the shell and the page asked for.
const CataloguePage = lazy(() =>
  import("./routes/catalogue").then((m) => ({ default: m.CatalogueRoute })),
);
const ProfilePage = lazy(() =>
  import("./routes/profile").then((m) => ({ default: m.ProfileRoute })),
);
const MapPage = lazy(() => import("./routes/map").then((m) => ({ default: m.MapRoute })));
// Workflow pages: each its own chunk too.
const SignInPage = lazy(() => import("./routes/sign-in").then((m) => ({ default: m.SignInRoute })));
const QuestionnairePage = lazy(() =>
  import("./routes/questionnaire").then((m) => ({ default: m.QuestionnaireRoute })),
);
const QuestionnairesPage = lazy(() =>
  import("./routes/questionnaire").then((m) => ({ default: m.QuestionnairesRoute })),
);
const QuestionnaireReviewPage = lazy(() =>
  import("./routes/questionnaire").then((m) => ({ default: m.QuestionnaireReviewRoute })),
);
const SuggestionsPage = lazy(() =>
  import("./routes/suggestions").then((m) => ({ default: m.SuggestionsRoute })),
);
const RoundsPage = lazy(() => import("./routes/rounds").then((m) => ({ default: m.RoundsRoute })));
const PipelinePage = lazy(() =>
  import("./routes/pipeline").then((m) => ({ default: m.PipelineRoute })),
);
const ConferencesPage = lazy(() =>
  import("./routes/conferences").then((m) => ({ default: m.ConferencesRoute })),
);
const TiesPage = lazy(() => import("./routes/ties").then((m) => ({ default: m.TiesRoute })));
const StatisticsPage = lazy(() =>
  import("./routes/statistics").then((m) => ({ default: m.StatisticsRoute })),
);
const ImportsPage = lazy(() =>
  import("./routes/imports").then((m) => ({ default: m.ImportsRoute })),
);
const NotFoundPage = lazy(() =>
  import("./routes/not-found").then((m) => ({ default: m.NotFoundRoute })),
);

/** The route table, inside the app shell. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Lazy page={<CataloguePage />} />} />
        <Route path="municipalities/:id" element={<Lazy page={<ProfilePage />} />} />
        <Route path="map" element={<Lazy page={<MapPage />} />} />
        <Route path="sign-in" element={<Lazy page={<SignInPage />} />} />
        <Route path="questionnaire" element={<Lazy page={<QuestionnairePage />} />} />
        <Route path="questionnaires" element={<Lazy page={<QuestionnairesPage />} />} />
        <Route path="questionnaires/:id" element={<Lazy page={<QuestionnaireReviewPage />} />} />
        <Route path="suggestions" element={<Lazy page={<SuggestionsPage />} />} />
        <Route path="suggestions/:id" element={<Lazy page={<SuggestionsPage />} />} />
        <Route path="rounds" element={<Lazy page={<RoundsPage />} />} />
        <Route path="pipeline" element={<Lazy page={<PipelinePage />} />} />
        <Route path="conferences" element={<Lazy page={<ConferencesPage />} />} />
        <Route path="conferences/:id" element={<Lazy page={<ConferencesPage />} />} />
        <Route path="ties" element={<Lazy page={<TiesPage />} />} />
        <Route path="statistics" element={<Lazy page={<StatisticsPage />} />} />
        <Route path="imports" element={<Lazy page={<ImportsPage />} />} />
        <Route path="*" element={<Lazy page={<NotFoundPage />} />} />
      </Route>
    </Routes>
  );
}

function Lazy({ page }: { page: ReactNode }) {
  return <Suspense fallback={<Loading />}>{page}</Suspense>;
}
