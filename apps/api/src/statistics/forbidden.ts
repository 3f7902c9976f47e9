import { ProblemException, problemType } from '../http/problem';

/** 403: the caller is signed in, but their role may not read this. */
export const notForYourRole = (detail: string): ProblemException =>
  new ProblemException({ status: 403, type: problemType('role_not_allowed'), title: 'Not allowed', detail, code: 'role_not_allowed' });
