/** A test module whose resolvers fail: checks that unexpected errors are masked. */
import { AppError } from '../../../../server/platform/errors';

export const resolvers = {
  Query: {
    boom: () => { throw new Error('Neo.ClientError.Secret: internal detail at bolt://10.0.0.5'); },
    typedBoom: () => { throw new AppError('NOT_FOUND', 'No such thing'); },
  },
};
