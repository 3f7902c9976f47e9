import { forwardRef, useState, type ChangeEvent } from 'react';

/**
 * A file input with Dutch text whatever the browser's language ("Kies een bestand", the chosen
 * names). The real <input type=file> lies transparently over the button, so a click, a tap and the
 * keyboard all reach it and its label names it for screen readers. Utrecht has no file input.
 */
export const FileInput = forwardRef<HTMLInputElement, { id: string; multiple?: boolean; describedBy?: string; invalid?: boolean; onChange?: (event: ChangeEvent<HTMLInputElement>) => void }>(
  function FileInput({ id, multiple, describedBy, invalid, onChange }, ref) {
    const [names, setNames] = useState<string[]>([]);
    return (
      <div className="gzc-file">
        <span className="gzc-file__button utrecht-button utrecht-button--secondary-action" aria-hidden="true">
          {multiple ? 'Kies bestanden' : 'Kies een bestand'}
        </span>
        <input
          ref={ref}
          id={id}
          type="file"
          multiple={multiple}
          className="gzc-file__input"
          aria-describedby={describedBy}
          aria-invalid={invalid ? true : undefined}
          onChange={(event) => {
            setNames(Array.from(event.currentTarget.files ?? []).map((f) => f.name));
            onChange?.(event);
          }}
        />
        <span className="gzc-file__names" aria-hidden="true">
          {names.length > 0 ? names.join(', ') : 'Nog geen bestand gekozen'}
        </span>
      </div>
    );
  },
);
