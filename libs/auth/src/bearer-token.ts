/** The token of an `Authorization: Bearer <token>` header; undefined when the header is absent or has another form. */
export function bearerTokenOf(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
}
