/**
 * Where a call's recording comes from. Demo calls have no audio anywhere: it is synthesized from
 * the call id and its length. Vendor recordings (a `remote` kind streamed from
 * recording_file_url) will join this union with the connector; the route and the asset layer
 * switch on `kind`, so the compiler points at every place a new kind must be handled.
 */
export type RecordingSource =
  | { kind: "synthetic"; transactionId: string; seconds: number }
  /** The vendor's recording_file_url, streamed through our server (the browser never holds a vendor credential). */
  | { kind: "remote"; transactionId: string; url: string; seconds: number };
