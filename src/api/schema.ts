// The GraphQL schema, built from the type-graphql classes.
import "reflect-metadata";
import { buildSchema } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import { connectionResolvers } from "./pagination.js";
import { LawFirmResolver, LawResolver, PersonResolver } from "./resolvers/firms.js";
import { MetricResolver } from "./resolvers/metrics.js";
import { MutationResolver } from "./resolvers/mutations.js";
import { NeighborhoodResolver } from "./resolvers/neighborhood.js";
import { NodeResolver } from "./resolvers/node.js";
import { JurisdictionResolver, PlaceProgramResolver } from "./resolvers/places.js";
import { ProgramResolver, RecurringProgramResolver } from "./resolvers/programs.js";
import { ReportResolver } from "./resolvers/reports.js";
import { UnlinkedPlaceResolver } from "./resolvers/unlinked.js";
import { Jurisdiction, Law, LawFirm, Metric, Person, Program, Report } from "./types/entities.js";

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      JurisdictionResolver,
      PlaceProgramResolver,
      ProgramResolver,
      RecurringProgramResolver,
      LawFirmResolver,
      PersonResolver,
      LawResolver,
      ReportResolver,
      MetricResolver,
      NodeResolver,
      UnlinkedPlaceResolver,
      NeighborhoodResolver,
      MutationResolver,
      ...connectionResolvers,
    ],
    // Types reachable only through the Node interface must be named here.
    orphanedTypes: [Jurisdiction, Program, Law, LawFirm, Person, Report, Metric],
    validate: false,
  });
}
