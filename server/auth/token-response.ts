/** What POST /auth/token answers: a bearer token and who it is for, or an error message. */
export interface TokenResponse {
  token: string;
  tokenType: 'Bearer';
  user: { id: string; name: string; role: string; agency: string | null };
}

export interface TokenError {
  error: string;
}
