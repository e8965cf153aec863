import {
  allowedMoves,
  cooperationAreaLabel,
  type PartnershipSummary,
  type Stage,
  stageLabel,
} from "@pobratym/core";
import { useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";
import { ErrorView } from "../../../components/ui/error-view";
import { Loading } from "../../../components/ui/loading";
import { useI18n } from "../../../i18n";
import { usePartnershipDetail } from "../api/partnerships";

/**
 * One partnership on the board. Keyboard users move it with the "Move" menu, which lists only the
 * allowed moves; mouse users may also drag it to another column.
 */
export function PartnershipCard({
  card,
  title,
  onMove,
  busy,
  profilePath,
}: {
  card: PartnershipSummary;
  title: string;
  onMove: (to: Stage) => void;
  busy: boolean;
  profilePath: (id: string) => string;
}) {
  const { t, locale, formatDate } = useI18n();
  const [menuOpen, setMenuOpen] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const menuId = useId();
  const historyId = useId();
  const headingId = useId();
  const moves = allowedMoves(card.stage);
  const moveButton = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);

  // Opening the menu puts focus on its first move, so keyboard users land on the choices at once.
  useEffect(() => {
    if (menuOpen) menuRef.current?.querySelector("button")?.focus();
  }, [menuOpen]);

  const closeMenu = () => {
    setMenuOpen(false);
    moveButton.current?.focus();
  };

  return (
    <article
      id={`card-${card.id}`}
      className={`card pcard${card.dormant ? " pcard--dormant" : ""}`}
      aria-labelledby={headingId}
      tabIndex={-1}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData("text/plain", card.id);
        e.dataTransfer.effectAllowed = "move";
      }}
      data-id={card.id}
    >
      <h3 id={headingId} className="pcard__title">
        <Link to={profilePath(card.hromada.id)}>{card.hromada.name}</Link>
        {" – "}
        {card.partners.map((p, i) => (
          <span key={p.id}>
            {i > 0 ? ", " : ""}
            <Link to={profilePath(p.id)}>{p.name}</Link>
          </span>
        ))}
      </h3>
      {card.dormant ? (
        <p className="pcard__dormant">
          <span aria-hidden="true">⚠ </span>
          {t("pipeline.dormant", { date: formatDate(card.lastActivityAt) })}
        </p>
      ) : null}
      <p className="pcard__meta">
        {t(`agreement.${card.agreementType}`)}
        {card.funding.length > 0
          ? ` · ${card.funding.map((f) => t(`funding.${f}`)).join(", ")}`
          : ""}
      </p>
      {card.areas.length > 0 ? (
        <p className="pcard__meta">
          {card.areas.map((a) => cooperationAreaLabel(a, locale)).join(", ")}
        </p>
      ) : null}
      <div className="pcard__actions">
        <button
          ref={moveButton}
          type="button"
          className="button button--small"
          aria-expanded={menuOpen}
          aria-controls={menuId}
          onClick={() => setMenuOpen((o) => !o)}
          disabled={moves.length === 0}
        >
          {t("pipeline.move")}
          <span className="visually-hidden">: {title}</span>
        </button>
        <button
          type="button"
          className="button button--small button--secondary"
          aria-expanded={historyOpen}
          aria-controls={historyId}
          onClick={() => setHistoryOpen((o) => !o)}
        >
          {t("pipeline.history")}
          <span className="visually-hidden">: {title}</span>
        </button>
      </div>
      {menuOpen ? (
        <ul
          id={menuId}
          ref={menuRef}
          className="pcard__menu"
          aria-label={t("pipeline.moveMenu", { title })}
          onKeyDown={(e) => {
            if (e.key === "Escape") closeMenu();
          }}
        >
          {moves.map((to) => (
            <li key={to}>
              <button
                type="button"
                className="button button--small button--secondary"
                aria-disabled={busy}
                onClick={() => {
                  if (busy) return;
                  setMenuOpen(false);
                  onMove(to);
                }}
              >
                {t("pipeline.moveTo", { stage: stageLabel(to, locale) })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {historyOpen ? <History id={card.id} regionId={historyId} /> : null}
    </article>
  );
}

function History({ id, regionId }: { id: string; regionId: string }) {
  const { t, locale, formatDate } = useI18n();
  const detail = usePartnershipDetail(id, true);
  return (
    <div id={regionId} className="pcard__history">
      {detail.isPending ? (
        <Loading />
      ) : detail.isError ? (
        <ErrorView error={detail.error} />
      ) : (
        <ol>
          {detail.data.partnership.history.map((event) => (
            <li key={`${event.at}-${event.to}`}>
              <time dateTime={event.at}>{formatDate(event.at)}</time>:{" "}
              {event.from
                ? t("pipeline.history.move", {
                    from: stageLabel(event.from, locale),
                    to: stageLabel(event.to, locale),
                  })
                : t("pipeline.history.start", { to: stageLabel(event.to, locale) })}{" "}
              <span className="muted">({event.by})</span>
              {event.note ? <span className="pcard__note"> – {event.note}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
