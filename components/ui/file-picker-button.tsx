'use client';
/** A button that opens the browser's file picker; the input stays hidden but labelled for tests and readers. */
import { useRef } from 'react';

export function FilePickerButton(props: {
  children: string;
  accept: string;
  inputLabel: string;
  testId: string;
  disabled?: boolean;
  className?: string;
  onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className={props.className ?? 'button'}
        disabled={props.disabled}
        onClick={() => input.current?.click()}
      >
        {props.children}
      </button>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        className="visually-hidden"
        aria-label={props.inputLabel}
        data-testid={props.testId}
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // the same file can be chosen again
          if (file) props.onFile(file);
        }}
      />
    </>
  );
}
