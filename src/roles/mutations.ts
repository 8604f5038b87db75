// Mutations: written next.
