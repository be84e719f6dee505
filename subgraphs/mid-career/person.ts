/** Person as this subgraph sees it: the key and the circumstances (external, owned by people) its rules require. */
import { personStub } from "../kit/person-stub";

export const Person = personStub();
