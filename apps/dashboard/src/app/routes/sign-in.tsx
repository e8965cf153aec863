import { useSearchParams } from "react-router";
import { SignInPage } from "../../features/auth/components/sign-in-page";
import { paths } from "../paths";
import "./workflow.css";

/** Only same-site paths are honoured as `next`, so a crafted link cannot send users elsewhere. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : paths.catalogue;
}

export function SignInRoute() {
  const [params] = useSearchParams();
  return <SignInPage next={safeNext(params.get("next"))} />;
}
