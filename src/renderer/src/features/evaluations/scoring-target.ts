/** The call being scored, however the evaluator reached it (the team's calls, the live floor). */
export interface ScoringTarget {
  agentId: string
  agentName: string
  /** The agent's team, when this desk knows it (the server's facts say it too). */
  teamId: string | null
  callId: string
  /** The call's record; null while the call is live (its record comes when it ends). */
  interactionId: string | null
  practice: boolean
  /** When the call rang, for the heading; null while live. */
  at: string | null
}
