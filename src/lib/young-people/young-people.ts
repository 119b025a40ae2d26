/**
 * What the young people's pages say about each topic, written for 13 to 25 year olds: plain,
 * direct and accurate for England (Children and Families Act 2014, SEND Code of Practice
 * chapter 8, Care Act 2014, NICE guideline NG43). Nothing here is specific to one council.
 */
import type { VideoTopic } from '../../contract/vocabulary.ts';

export interface TopicGuide {
  /** One line for links and cards. */
  summary: string;
  /** The things worth knowing, one sentence or two each. */
  points: string[];
}

export const topicGuides: Record<VideoTopic, TopicGuide> = {
  'education-and-employment': {
    summary: 'College, apprenticeships, supported internships and getting a job.',
    points: [
      'After Year 11 you stay in learning until you are 18. That could be college or sixth form, an apprenticeship or a supported internship. It could also be part-time study while you work or help out as a volunteer.',
      'If you have an EHC plan, it can carry on while you are still learning and need it. It can last until the end of the school or college year in which you turn 25.',
      'A supported internship is a way into paid work, with a job coach, if you are 16 to 24 and have an EHC plan.',
    ],
  },
  'independent-living': {
    summary: 'Where you live, money, cooking, travel and choosing your own support.',
    points: [
      'Independent living means having choice and control over your life: where you live, who you live with and the support you get.',
      'Skills like cooking, handling money and travelling on your own can be goals in your EHC plan.',
      'If you are likely to need care and support as an adult, you can ask the council for a transition assessment before you turn 18.',
    ],
  },
  'friends-relationships-and-community': {
    summary: 'Friendships, relationships, clubs, volunteering and having your say.',
    points: [
      'Friends and things you enjoy matter. Your plans should make time for them, not just for school or work.',
      'Clubs, youth groups, sport, volunteering and short breaks are all ways to meet people.',
      'Everyone deserves relationships that are safe and respectful. If something does not feel right, tell someone you trust.',
    ],
  },
  'good-health': {
    summary: 'Staying well, your mental health, and moving to adult health services.',
    points: [
      "Your health care moves from children's to adult services, usually between 16 and 18. Planning should start by Year 9.",
      'From 16 you can usually agree to your own medical treatment, and you can ask to see a doctor or nurse on your own.',
      'If you are 14 or over and have a learning disability, you can have a free health check with your GP every year.',
    ],
  },
  'your-rights': {
    summary: 'From the end of Year 11 you make your own decisions about your support.',
    points: [
      'From the end of Year 11, you make the decisions about your support and your EHC plan, not your parents.',
      'From the end of Year 11 until your 25th birthday, you can ask the council for an EHC needs assessment yourself, at any time. An email or a letter is enough.',
      'You can say which school or college you want, and appeal to the SEND Tribunal if you disagree with a decision.',
      'Your parents can still help if you want them to. If you cannot make a particular decision, even with help, someone can make it for you, in your best interests.',
    ],
  },
};

/** The four preparing-for-adulthood outcomes, in the order the Code of Practice lists them. */
export const adulthoodTopics = ['education-and-employment', 'independent-living', 'friends-relationships-and-community', 'good-health'] as const satisfies readonly VideoTopic[];
