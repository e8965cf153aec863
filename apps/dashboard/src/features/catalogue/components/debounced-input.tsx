import { type InputHTMLAttributes, useEffect, useRef, useState } from "react";
import { useDebouncedValue } from "../../../lib/use-debounced-value";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange"> & {
  value: string;
  onCommit: (value: string) => void;
  delayMs?: number;
};

/**
 * An input that reports its value once typing pauses. It keeps its own text while the user types;
 * a change from outside (a cleared filter, the back button) replaces that text.
 */
export function DebouncedInput({ value, onCommit, delayMs = 300, ...rest }: Props) {
  const [text, setText] = useState(value);
  const committed = useRef(value);
  const debounced = useDebouncedValue(text, delayMs);
  // Only a new debounced value may commit; a new callback identity must not re-send a stale one.
  const onCommitRef = useRef(onCommit);
  onCommitRef.current = onCommit;

  // Outside change: only when it differs from what this input last reported.
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (debounced !== committed.current) {
      committed.current = debounced;
      onCommitRef.current(debounced);
    }
  }, [debounced]);

  return (
    <input
      {...rest}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      onKeyDown={(event) => {
        // Enter commits at once instead of waiting for the pause.
        if (event.key === "Enter" && text !== committed.current) {
          committed.current = text;
          onCommit(text);
        }
        rest.onKeyDown?.(event);
      }}
    />
  );
}
